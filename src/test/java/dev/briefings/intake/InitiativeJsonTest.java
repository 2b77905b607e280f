package dev.briefings.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class InitiativeJsonTest {

    @Test
    void roundTripKeepsEveryFieldAndTheScaleOfAmounts() {
        Initiative initiative = new Initiative("us-au", "Framework \"quoted\" – ünïcode", InitiativeKind.PARTNERSHIP,
                LocalDate.of(2025, 10, 20), List.of("US", "AU"), List.of(Stage.MINING, Stage.MAGNETS),
                List.of(new Source("https://a.org/x?y=1", "Pub", LocalDate.of(2025, 10, 21), "Title"),
                        new Source("http://b.org", "Pub B", LocalDate.of(2024, 2, 29), null)),
                "Summary\nwith a line break", List.of("NdPr"), List.of(new Organization("Org", "role", "TCK"),
                        new Organization("Other", null, null)),
                "Somewhere", InitiativeStatus.IN_PROGRESS, false, "parent-id",
                List.of(new FundingLine(new BigDecimal("1000000.10"), "USD", FundingStatus.COMMITTED,
                                FundingType.LOAN, "note"),
                        new FundingLine(new BigDecimal("5E+3"), "AUD", FundingStatus.PROPOSED, null, null),
                        new FundingLine(new BigDecimal("7"), "JPY", FundingStatus.DISBURSED, FundingType.GRANT, null)),
                List.of(new StatedRisk(RiskCategory.MARKET, "Price")), List.of("tag"));

        String json = InitiativeJson.write(initiative);
        Initiative back = InitiativeJson.read(json);

        assertThat(back).isEqualTo(initiative);
        assertThat(back.funding().get(0).amount().scale()).isEqualTo(2);
        assertThat(back.funding().get(1).amount().scale()).isEqualTo(-3);
        assertThat(json).contains("\"announced\":\"2025-10-20\"").contains("1000000.10");
        assertThat(json).doesNotContain("null");
    }

    @Test
    void roundTripOfAMinimalRecordKeepsNullsAndEmptyLists() {
        Initiative initiative = new Initiative("x", "T", InitiativeKind.STOCKPILE, LocalDate.of(2020, 1, 1),
                List.of("JP"), List.of(Stage.STOCKPILING), List.of(new Source("https://x.org", "P",
                LocalDate.of(2020, 1, 2), null)), null, List.of(), List.of(), null, InitiativeStatus.ANNOUNCED,
                true, null, List.of(), List.of(), List.of());

        Initiative back = InitiativeJson.read(InitiativeJson.write(initiative));

        assertThat(back).isEqualTo(initiative);
        assertThat(back.minerals()).isNotNull().isEmpty();
    }
}
