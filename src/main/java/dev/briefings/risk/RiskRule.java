package dev.briefings.risk;

import java.math.BigDecimal;
import java.util.Set;

import dev.briefings.briefing.Dimension;
import dev.briefings.briefing.RiskNote.Severity;
import dev.briefings.intake.InitiativeStatus;
import dev.briefings.intake.RiskCategory;
import dev.briefings.intake.Stage;

/**
 * The rule shapes Java knows; templates/risk-rules.json chooses which rules exist and with which parameters.
 * Each shape lists the placeholders its sentences may use (checked when the file is loaded).
 */
sealed interface RiskRule {

    /** Placeholders every shape fills. */
    Set<String> COMMON = Set.of("count", "initiatives", "ids");

    Header header();

    /** The placeholders this shape fills besides {@link #COMMON}. */
    Set<String> placeholders();

    /** What every rule carries: its identity and the words of its note. */
    record Header(String id, String type, Severity severity, RiskCategory category, String title, String why) {
    }

    /** A nonbinding record carrying more than {@code minUsd} of funding (committed plus proposed). */
    record NonbindingWithFunding(Header header, BigDecimal minUsd) implements RiskRule {
        @Override
        public Set<String> placeholders() {
            return Set.of("amount", "committed", "proposed", "minUsd");
        }
    }

    /** Records in any of {@code stages} whose status is still one of {@code statuses}. */
    record StageNotYetUnderway(Header header, Set<Stage> stages, Set<InitiativeStatus> statuses) implements RiskRule {
        @Override
        public Set<String> placeholders() {
            return Set.of("stages", "statuses");
        }
    }

    /** Records in any of {@code stages}. */
    record StagePresent(Header header, Set<Stage> stages) implements RiskRule {
        @Override
        public Set<String> placeholders() {
            return Set.of("stages");
        }
    }

    /** A key of one of {@code dimensions} holding more than {@code maxShare} of committed funding; a note per key. */
    record Concentration(Header header, Set<Dimension> dimensions, BigDecimal maxShare) implements RiskRule {
        @Override
        public Set<String> placeholders() {
            return Set.of("key", "dimension", "share", "threshold", "amount", "total");
        }
    }

    /**
     * When the context figure exceeds {@code threshold}: records in any of {@code stages} and none of
     * {@code unlessStages} (they depend on processing elsewhere), and records in any of {@code unlessStages}
     * with a party outside the allied parties.
     */
    record ProcessingDependency(Header header, String figure, BigDecimal threshold, Set<Stage> stages,
                                Set<Stage> unlessStages) implements RiskRule {
        @Override
        public Set<String> placeholders() {
            return Set.of("figure", "figureLabel", "source", "threshold", "stages",
                "unlessStages", "dependentCount", "outsideCount");
        }
    }

    /** Records whose funding is only proposed: proposed above 0 and nothing committed. */
    record ProposedOnly(Header header) implements RiskRule {
        @Override
        public Set<String> placeholders() {
            return Set.of("amount");
        }
    }
}
