package dev.briefings.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.briefings.intake.Initiative;
import dev.briefings.intake.InitiativeKind;
import dev.briefings.intake.InitiativeStatus;
import dev.briefings.intake.Organization;
import dev.briefings.intake.RiskCategory;
import dev.briefings.intake.Source;
import dev.briefings.intake.Stage;
import dev.briefings.intake.StatedRisk;

/** A small builder of accepted records for the risk tests; defaults are a binding, in-progress research record. */
final class TestInitiative {

    private final String id;
    private List<String> parties = List.of("US");
    private List<Stage> stages = List.of(Stage.RESEARCH);
    private List<Organization> organizations = List.of();
    private InitiativeStatus status = InitiativeStatus.IN_PROGRESS;
    private boolean binding = true;
    private final List<StatedRisk> risks = new ArrayList<>();

    private TestInitiative(String id) {
        this.id = id;
    }

    static TestInitiative record(String id) {
        return new TestInitiative(id);
    }

    TestInitiative parties(String... parties) {
        this.parties = List.of(parties);
        return this;
    }

    TestInitiative stages(Stage... stages) {
        this.stages = List.of(stages);
        return this;
    }

    TestInitiative organizations(String... names) {
        this.organizations = java.util.Arrays.stream(names).map(n -> new Organization(n, "developer", null)).toList();
        return this;
    }

    TestInitiative status(InitiativeStatus status) {
        this.status = status;
        return this;
    }

    TestInitiative nonbinding() {
        this.binding = false;
        return this;
    }

    TestInitiative risk(RiskCategory category, String note) {
        risks.add(new StatedRisk(category, note));
        return this;
    }

    Initiative build() {
        return new Initiative(id, "Title of " + id, InitiativeKind.PARTNERSHIP, LocalDate.of(2025, 7, 1), parties,
                stages, List.of(new Source("https://example.org/" + id, "Example", LocalDate.of(2025, 7, 1), id)),
                null, List.of("NdPr"), organizations, null, status, binding, null, List.of(), List.copyOf(risks),
                List.of());
    }
}
