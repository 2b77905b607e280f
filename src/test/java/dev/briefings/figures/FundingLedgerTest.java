package dev.briefings.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.briefings.briefing.Breakdown;
import dev.briefings.briefing.Breakdown.BreakdownRow;
import dev.briefings.briefing.Dimension;
import dev.briefings.briefing.TimelinePoint;

class FundingLedgerTest {

    private static FundedRecord rec(String id, String committed, String proposed, List<String> stages,
                                    List<String> parties, String quarter) {
        int year = Integer.parseInt(quarter.substring(0, 4));
        return new FundedRecord(id, new FigureKeys(stages, parties, "FEDERAL_PROGRAM", year, quarter, List.of()),
                new BigDecimal(committed), new BigDecimal(proposed));
    }

    private static Map<String, BigDecimal> committed(Breakdown b) {
        return b.rows().stream().collect(Collectors.toMap(BreakdownRow::key, BreakdownRow::committedUsd));
    }

    private static Map<String, BigDecimal> proposed(Breakdown b) {
        return b.rows().stream().collect(Collectors.toMap(BreakdownRow::key, BreakdownRow::proposedUsd));
    }

    private static Breakdown breakdown(FundingLedger ledger, Dimension d) {
        return FigureDisplay.breakdowns(ledger.result()).stream().filter(b -> b.dimension() == d).findFirst().orElseThrow();
    }

    @Test
    void carveOutIsCountedOnceAndParentKeepsItsRemainder() {
        // DOE package: 975M proposed over PROCESSING and REFINING; the REE facility (135M, REFINING) is inside it.
        var parent = rec("doe", "0", "975000000", List.of("PROCESSING", "REFINING"), List.of("US"), "2025-Q3");
        var child = rec("ree-demo", "0", "135000000", List.of("REFINING"), List.of("US"), "2025-Q3");
        var ledger = new FundingLedger();
        ledger.add(parent, null);
        ledger.add(child, parent);

        var result = ledger.result();
        assertThat(result.total().proposed()).isEqualByComparingTo("975000000");
        assertThat(result.carveOuts()).isEqualTo(1);
        // Parent remainder 840M split evenly: 420M each; the child's 135M goes to REFINING.
        var stage = breakdown(ledger, Dimension.STAGE);
        assertThat(proposed(stage)).containsEntry("PROCESSING", new BigDecimal("420000000.00"))
                .containsEntry("REFINING", new BigDecimal("555000000.00"));
        assertThat(stage.proposedTotal()).isEqualByComparingTo("975000000.00");
        assertThat(result.excesses()).isEmpty();
    }

    @Test
    void childCountsWhenItsParentIsOutOfScope() {
        var child = rec("ree-demo", "135000000", "0", List.of("REFINING"), List.of("US"), "2025-Q3");
        var ledger = new FundingLedger();
        ledger.add(child, null);
        assertThat(ledger.result().total().committed()).isEqualByComparingTo("135000000");
        assertThat(ledger.result().carveOuts()).isZero();
    }

    @Test
    void grandchildIsTakenFromItsNearestInScopeAncestor() {
        // G (1,000 MINING) > C (out of scope) > GC (100 RECYCLING): G keeps 900, GC gets 100, total 1,000.
        var g = rec("g", "1000", "0", List.of("MINING"), List.of("AU"), "2024-Q1");
        var gc = rec("gc", "100", "0", List.of("RECYCLING"), List.of("AU"), "2024-Q2");
        var ledger = new FundingLedger();
        ledger.add(g, null);
        ledger.add(gc, g);
        var stage = breakdown(ledger, Dimension.STAGE);
        assertThat(committed(stage)).containsEntry("MINING", new BigDecimal("900.00"))
                .containsEntry("RECYCLING", new BigDecimal("100.00"));
        assertThat(stage.committedTotal()).isEqualByComparingTo("1000.00");
        // The quarter of the remainder is the parent's, the child's amount is in its own quarter.
        var timeline = FigureDisplay.timeline(ledger.result());
        assertThat(timeline).extracting(TimelinePoint::period).containsExactly("2024-Q1", "2024-Q2");
        assertThat(timeline).extracting(TimelinePoint::committedUsd)
                .containsExactly(new BigDecimal("900.00"), new BigDecimal("100.00"));
    }

    @Test
    void evenSplitAllocatesCentsSoTheBreakdownReconciles() {
        var r = rec("three", "100.00", "0", List.of("MINING", "PROCESSING", "REFINING"), List.of("US", "AU", "JP"), "2025-Q1");
        var ledger = new FundingLedger();
        ledger.add(r, null);
        var stage = committed(breakdown(ledger, Dimension.STAGE));
        assertThat(stage.values()).containsExactlyInAnyOrder(new BigDecimal("33.34"), new BigDecimal("33.33"),
                new BigDecimal("33.33"));
        var party = committed(breakdown(ledger, Dimension.PARTY));
        assertThat(party.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100.00");
    }

    @Test
    void everyBreakdownSumsToItsTotalToTheCent() {
        var ledger = new FundingLedger();
        // 7 records of 10.01 split three ways, one of 0.005 and a carve-out: the totals need cent allocation.
        FundedRecord first = null;
        for (int i = 0; i < 7; i++) {
            var r = rec("r" + i, "10.01", "3.333", List.of("MINING", "PROCESSING", "MAGNETS"), List.of("US", "JP", "AU"), "2025-Q" + (i % 4 + 1));
            ledger.add(r, null);
            if (first == null) {
                first = r;
            }
        }
        ledger.add(rec("tiny", "0.005", "0", List.of("RECYCLING"), List.of("CA"), "2023-Q4"), null);
        ledger.add(rec("inside", "5.005", "0", List.of("RESEARCH"), List.of("US"), "2025-Q2"), first);
        // committed: 7 * 10.01 + 0.005 = 70.075 -> 70.08 (half-even on 70.075 gives 70.08)
        // proposed: 7 * 3.333 = 23.331 -> 23.33
        for (Breakdown b : FigureDisplay.breakdowns(ledger.result())) {
            assertThat(b.committedTotal()).isEqualByComparingTo("70.08");
            assertThat(b.proposedTotal()).isEqualByComparingTo("23.33");
            assertThat(b.rows().stream().map(BreakdownRow::committedUsd).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as(b.dimension().name()).isEqualByComparingTo("70.08");
            assertThat(b.rows().stream().map(BreakdownRow::proposedUsd).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as(b.dimension().name()).isEqualByComparingTo("23.33");
        }
        var timeline = FigureDisplay.timeline(ledger.result());
        assertThat(timeline.get(0).period()).isEqualTo("2023-Q4");
        assertThat(timeline).hasSize(9); // 2023-Q4, four quarters of 2024, four of 2025: no gaps
        assertThat(timeline.stream().map(TimelinePoint::committedUsd).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("70.08");
    }

    @Test
    void carveOutsAddingUpToMoreThanTheirParentAreReportedNotHidden() {
        var parent = rec("p", "150", "0", List.of("MINING"), List.of("US"), "2025-Q1");
        var ledger = new FundingLedger();
        ledger.add(parent, null);
        ledger.add(rec("c1", "120", "0", List.of("MINING"), List.of("US"), "2025-Q1"), parent);
        ledger.add(rec("c2", "80", "0", List.of("PROCESSING"), List.of("US"), "2025-Q1"), parent);
        var result = ledger.result();
        assertThat(result.total().committed()).isEqualByComparingTo("150");
        assertThat(result.excesses()).singleElement().satisfies(e -> {
            assertThat(e.ancestorId()).isEqualTo("p");
            assertThat(e.children().committed()).isEqualByComparingTo("200");
            assertThat(e.childIds()).containsExactly("c1", "c2");
        });
        // The parent's remainder is negative (150 - 200 = -50 on MINING), so the stage breakdown still sums to 150.
        var stage = committed(breakdown(ledger, Dimension.STAGE));
        assertThat(stage).containsEntry("MINING", new BigDecimal("70.00")).containsEntry("PROCESSING", new BigDecimal("80.00"));
    }

    @Test
    void centsAllocationGivesLeftoverCentsToLargestRemainders() {
        var parts = new java.util.LinkedHashMap<String, BigDecimal>();
        parts.put("a", new BigDecimal("0.333"));
        parts.put("b", new BigDecimal("0.333"));
        parts.put("c", new BigDecimal("0.334"));
        // total 1.000 -> 1.00; floors 0.33 + 0.33 + 0.33 = 0.99; c has the largest remainder (0.4 cent).
        assertThat(Cents.allocate(parts)).containsEntry("a", new BigDecimal("0.33"))
                .containsEntry("b", new BigDecimal("0.33")).containsEntry("c", new BigDecimal("0.34"));
        assertThat(Cents.round(new BigDecimal("2.345"))).isEqualByComparingTo("2.34");
        assertThat(Cents.round(new BigDecimal("2.355"))).isEqualByComparingTo("2.36");
    }
}
