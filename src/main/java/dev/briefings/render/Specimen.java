package dev.briefings.render;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.briefings.briefing.Breakdown;
import dev.briefings.briefing.BriefingMeta;
import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.Changes;
import dev.briefings.briefing.DataQualityNote;
import dev.briefings.briefing.Dimension;
import dev.briefings.briefing.InitiativeRow;
import dev.briefings.briefing.KeyFigures;
import dev.briefings.briefing.Methodology;
import dev.briefings.briefing.RejectSummary;
import dev.briefings.briefing.RiskNote;
import dev.briefings.briefing.SourceRef;
import dev.briefings.briefing.TimelinePoint;

/**
 * A made-up briefing that touches every part of a template (every chart, table, note and section), rendered once
 * to warm the rendering stack up before the real briefing is ready. It is never published.
 */
final class Specimen {

    private static final BigDecimal MILLION = new BigDecimal("1000000.00");

    private Specimen() {
    }

    static List<InitiativeRow> rows() {
        List<InitiativeRow> rows = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            var source = new SourceRef(i, "https://example.org/specimen/" + i, "Publisher " + i,
                    LocalDate.of(2025, 1 + i % 12, 1), "Source " + i);
            rows.add(new InitiativeRow("specimen-" + i, "Specimen initiative " + i + " 試料", i % 2 == 0 ? "PARTNERSHIP" : "FEDERAL_PROGRAM",
                    "ANNOUNCED", LocalDate.of(2024 + i % 2, 1 + i % 12, 15), List.of("US", i % 2 == 0 ? "AU" : "JP"),
                    List.of("MINING", "PROCESSING"), List.of("rare earths"), List.of("Organization " + i),
                    i % 3 == 0 ? null : "Somewhere", i % 4 != 0, i == 12 ? "specimen-1" : null, i != 12,
                    MILLION.multiply(BigDecimal.valueOf(13 - i)), BigDecimal.ZERO.setScale(2), List.of(source), List.of(i)));
        }
        return rows;
    }

    static BriefingModel model() {
        LocalDate asOf = LocalDate.of(2025, 10, 31);
        var meta = new BriefingMeta("Specimen", asOf, "nightly", "All records",
                OffsetDateTime.of(2025, 10, 31, 0, 0, 0, 0, ZoneOffset.UTC), "specimen", "Specimen", "specimen",
                new dev.briefings.briefing.Desk("Specimen desk", "desk@example.org"));
        BigDecimal committed = new BigDecimal("78000000.00");
        BigDecimal proposed = new BigDecimal("5000000.00");
        var key = new KeyFigures(13, 12, 1, 12, 12, 1, committed, proposed, 3, 1);
        List<Breakdown> breakdowns = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            breakdowns.add(new Breakdown(d, List.of(
                    new Breakdown.BreakdownRow("A", d.label() + " A", new BigDecimal("52000000.00"), proposed, new BigDecimal("0.6667")),
                    new Breakdown.BreakdownRow("B", d.label() + " B", new BigDecimal("26000000.00"), BigDecimal.ZERO.setScale(2), new BigDecimal("0.3333"))),
                    committed, proposed));
        }
        var timeline = List.of(new TimelinePoint("2024-Q1", 6, new BigDecimal("40000000.00")),
                new TimelinePoint("2024-Q2", 0, BigDecimal.ZERO.setScale(2)),
                new TimelinePoint("2025-Q1", 6, new BigDecimal("38000000.00")));
        List<InitiativeRow> largest = rows();
        var risks = List.of(
                new RiskNote(RiskNote.Severity.HIGH, "NONBINDING", "Specimen risk", "Why it fired.", List.of("specimen-1"), 1, "rule:specimen"),
                new RiskNote(RiskNote.Severity.MEDIUM, "PERMITTING", "Specimen risk", "Why it fired.", List.of("specimen-2"), 1, "rule:specimen"),
                new RiskNote(RiskNote.Severity.LOW, "MARKET", "Specimen risk", "Why it fired.", List.of("specimen-3"), 1, "record"));
        var quality = List.of(new DataQualityNote("Specimen note.", List.of("specimen-1", "specimen-12")));
        var change = new Changes.Change("specimen-1", "Specimen initiative 1", MILLION);
        var changes = new Changes(asOf.minusDays(1), List.of(change), 1, List.of(change), 1, List.of(change), 1,
                committed, MILLION);
        List<SourceRef> sources = largest.stream().map(r -> r.sources().get(0)).toList();
        var methodology = new Methodology(asOf, Map.of("USD", BigDecimal.ONE, "AUD", new BigDecimal("0.65")),
                Map.of("Specimen context", "60% (specimen)"));
        var rejects = new RejectSummary(1, List.of(new RejectSummary.Rejected("initiatives/specimen.json", "[0]", null,
                List.of("specimen reason"))));
        return new BriefingModel(meta, key, breakdowns, timeline, largest, risks, quality, changes, sources, methodology,
                rejects);
    }
}
