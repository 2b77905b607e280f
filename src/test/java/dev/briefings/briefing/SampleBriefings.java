package dev.briefings.briefing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.briefings.briefing.Breakdown.BreakdownRow;
import dev.briefings.briefing.Changes.Change;
import dev.briefings.briefing.RejectSummary.Rejected;
import dev.briefings.briefing.RiskNote.Severity;

/**
 * Hand-built briefing models for renderer tests. The figures are chosen so that every breakdown sums to its
 * total by hand: committed 1,250,000.00 = 1,000,000.00 (AU) + 250,000.00 (JP).
 */
public final class SampleBriefings {

    public static final LocalDate AS_OF = LocalDate.of(2025, 10, 31);
    /** Japanese text that must survive into the PDF (not boxes). */
    public static final String JAPANESE_ORG = "経済産業省";
    /** A title that must stay text: in a PDF it must not be markup, in a workbook not a formula. */
    public static final String HOSTILE_TITLE = "=HYPERLINK(\"http://evil.example\") <script>alert(1)</script> <img src=\"file:///etc/passwd\"/>";

    private SampleBriefings() {
    }

    /** The desk of the sample briefings: a name outside Latin-1 and an e-mail contact. */
    public static final Desk DESK = new Desk("Example Capital Research Desk 東京", "research-desk@example.org");

    public static BriefingModel small() {
        return small(OffsetDateTime.of(2025, 10, 31, 22, 0, 0, 0, ZoneOffset.UTC));
    }

    /** The small briefing, made at the given wall-clock time (which no rendered file may show). */
    public static BriefingModel small(OffsetDateTime generatedAt) {
        var meta = new BriefingMeta("Critical Minerals Supply Chain Briefing", AS_OF, "nightly", "All records",
                generatedAt, "0.1.0",
                "Confidential: prepared for the recipient only; not for redistribution.", "default", DESK);
        var key = new KeyFigures(5, 4, 1, 4, 3, 1, new BigDecimal("1250000.00"), new BigDecimal("975000000.00"), 3, 1);
        var byStage = new Breakdown(Dimension.STAGE, List.of(
                new BreakdownRow("MINING", "Mining", new BigDecimal("625000.00"), new BigDecimal("0.00"), new BigDecimal("0.5")),
                new BreakdownRow("PROCESSING", "Processing", new BigDecimal("625000.00"), new BigDecimal("840000000.00"), new BigDecimal("0.5")),
                new BreakdownRow("REFINING", "Refining", new BigDecimal("0.00"), new BigDecimal("135000000.00"), BigDecimal.ZERO)),
                new BigDecimal("1250000.00"), new BigDecimal("975000000.00"));
        var byParty = new Breakdown(Dimension.PARTY, List.of(
                new BreakdownRow("AU", "AU Australia", new BigDecimal("1000000.00"), new BigDecimal("0.00"), new BigDecimal("0.8")),
                new BreakdownRow("JP", "JP Japan", new BigDecimal("250000.00"), new BigDecimal("0.00"), new BigDecimal("0.2")),
                new BreakdownRow("US", "US United States", new BigDecimal("0.00"), new BigDecimal("975000000.00"), BigDecimal.ZERO)),
                new BigDecimal("1250000.00"), new BigDecimal("975000000.00"));
        var byKind = new Breakdown(Dimension.KIND, List.of(
                new BreakdownRow("PARTNERSHIP", "Partnership", new BigDecimal("1250000.00"), new BigDecimal("0.00"), BigDecimal.ONE),
                new BreakdownRow("FEDERAL_PROGRAM", "Federal program", new BigDecimal("0.00"), new BigDecimal("975000000.00"), BigDecimal.ZERO)),
                new BigDecimal("1250000.00"), new BigDecimal("975000000.00"));
        var byYear = new Breakdown(Dimension.YEAR, List.of(
                new BreakdownRow("2025", "2025", new BigDecimal("1250000.00"), new BigDecimal("975000000.00"), BigDecimal.ONE)),
                new BigDecimal("1250000.00"), new BigDecimal("975000000.00"));
        var byOrg = new Breakdown(Dimension.ORGANIZATION, List.of(
                new BreakdownRow(JAPANESE_ORG, JAPANESE_ORG, new BigDecimal("250000.00"), new BigDecimal("0.00"), new BigDecimal("0.2"))),
                new BigDecimal("1250000.00"), new BigDecimal("975000000.00"));
        var timeline = List.of(
                new TimelinePoint("2025-Q2", 1, new BigDecimal("0.00")),
                new TimelinePoint("2025-Q3", 1, new BigDecimal("0.00")),
                new TimelinePoint("2025-Q4", 2, new BigDecimal("1250000.00")));
        var largest = List.of(
                row("us-au-framework", "U.S.–Australia Critical Minerals Framework", "PARTNERSHIP", List.of("US", "AU"),
                        List.of("MINING", "PROCESSING"), List.of("Alcoa", "Arafura"), "1000000.00", "0.00", true, null, List.of(1)),
                row("us-jp-framework", "U.S.–Japan Framework (" + JAPANESE_ORG + ")", "PARTNERSHIP", List.of("US", "JP"),
                        List.of("MINING", "PROCESSING"), List.of(JAPANESE_ORG), "250000.00", "0.00", false, null, List.of(2)),
                row("doe-cmm-package", "DOE critical minerals funding package", "FEDERAL_PROGRAM", List.of("US"),
                        List.of("PROCESSING", "REFINING"), List.of("U.S. Department of Energy"), "0.00", "975000000.00", true, null, List.of(3)),
                row("hostile-title", HOSTILE_TITLE, "FEDERAL_PROGRAM", List.of("US"),
                        List.of("REFINING"), List.of(), "0.00", "135000000.00", true, "doe-cmm-package", List.of(3)));
        var risks = List.of(
                new RiskNote(Severity.HIGH, "NONBINDING", "Nonbinding agreement carries funding",
                        "us-jp-framework is nonbinding yet carries USD 250,000.00 of committed funding.",
                        List.of("us-jp-framework"), 1, "rule:nonbinding-with-funding"),
                new RiskNote(Severity.MEDIUM, "PERMITTING", "Mining or processing not yet in progress",
                        "2 initiatives in MINING or PROCESSING are still ANNOUNCED or SIGNED.",
                        List.of("us-au-framework", "us-jp-framework"), 2, "rule:permitting-before-progress"),
                new RiskNote(Severity.LOW, "MARKET", "Record states a market risk",
                        "Prices may fall.", List.of("doe-cmm-package"), 1, "record"));
        var dq = List.of(new DataQualityNote(
                "Carve-outs of doe-cmm-package add up to USD 1,000,000,000.00, more than its USD 975,000,000.00.",
                List.of("doe-cmm-package", "hostile-title")));
        var changes = new Changes(LocalDate.of(2025, 10, 30),
                List.of(new Change("us-jp-framework", "U.S.–Japan Framework", new BigDecimal("250000.00"))), 1,
                List.of(new Change("us-au-framework", "U.S.–Australia Critical Minerals Framework", new BigDecimal("500000.00"))), 1,
                List.of(new Change("old-record", "A record since withdrawn", new BigDecimal("-100000.00"))), 1,
                new BigDecimal("600000.00"), new BigDecimal("650000.00"));
        var sources = List.of(
                new SourceRef(1, "https://example.org/us-au", "The White House", LocalDate.of(2025, 10, 20), "Framework text"),
                new SourceRef(2, "https://example.org/us-jp", "dpa-AFX", LocalDate.of(2025, 10, 28), null),
                new SourceRef(3, "https://example.org/doe", "National Law Review", LocalDate.of(2025, 8, 13), "DOE announces nearly $1 billion"));
        Map<String, BigDecimal> fx = new LinkedHashMap<>();
        fx.put("AUD", new BigDecimal("0.65"));
        fx.put("JPY", new BigDecimal("0.0066"));
        fx.put("USD", BigDecimal.ONE);
        var methodology = new Methodology(LocalDate.of(2025, 10, 30), fx,
                Map.of("China's share of global rare-earth processing", "60% (AInvest, 2025-10-31)"));
        var rejects = new RejectSummary(1, List.of(new Rejected("initiatives/bad.json", "[3]", "bad-record",
                List.of("funding[1].currency 'XYZ' has no rate in fx-rates.json"))));
        return new BriefingModel(meta, key, List.of(byStage, byParty, byKind, byYear, byOrg), timeline, largest, risks, dq,
                changes, sources, methodology, rejects);
    }

    /** The rows behind {@link #small()}, for the workbook's full list. */
    public static InitiativeRows smallRows() {
        return action -> small().largest().forEach(action);
    }

    /** {@code n} synthetic rows, generated on the fly (never held in memory). */
    public static InitiativeRows manyRows(int n) {
        return action -> {
            for (int i = 0; i < n; i++) {
                action.accept(row("synthetic-" + i, "Synthetic initiative " + i, "PRIVATE_PROJECT", List.of("US"),
                        List.of("MINING"), List.of("Org " + (i % 97)), (i % 1000) + ".25", "0.00", true, null, List.of()));
            }
        };
    }

    public static InitiativeRow row(String id, String title, String kind, List<String> parties, List<String> stages,
                                    List<String> orgs, String committed, String proposed, boolean binding, String partOf,
                                    List<Integer> sourceNumbers) {
        return new InitiativeRow(id, title, kind, "ANNOUNCED", LocalDate.of(2025, 10, 20), parties, stages,
                new ArrayList<>(List.of("rare earths")), orgs, null, binding, partOf, partOf == null,
                new BigDecimal(committed), new BigDecimal(proposed),
                List.of(new SourceRef(1, "https://example.org/" + id, "Example Publisher", LocalDate.of(2025, 10, 21), "About " + id)),
                sourceNumbers);
    }
}
