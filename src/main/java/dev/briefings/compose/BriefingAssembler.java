package dev.briefings.compose;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import dev.briefings.briefing.Breakdown;
import dev.briefings.briefing.DataQualityNote;
import dev.briefings.briefing.Dimension;
import dev.briefings.briefing.InitiativeRow;
import dev.briefings.briefing.RiskNote;
import dev.briefings.briefing.SourceRef;
import dev.briefings.briefing.TimelinePoint;
import dev.briefings.figures.Cents;
import dev.briefings.figures.FigureDisplay;
import dev.briefings.figures.FigureKeys;
import dev.briefings.figures.FundedRecord;
import dev.briefings.figures.FundingLedger;
import dev.briefings.figures.Money;
import dev.briefings.intake.Initiative;
import dev.briefings.intake.Organization;
import dev.briefings.intake.Source;
import dev.briefings.risk.FundingShares;
import dev.briefings.risk.RiskAssessment;

/**
 * Builds the format-neutral briefing from in-scope records streamed one at a time: figures, risks and the
 * largest initiatives. Holds only sums, capped lists and the {@code largest} rows, never every record.
 */
public final class BriefingAssembler {

    private final int largestCount;
    private final FundingLedger ledger = new FundingLedger();
    private final RiskAssessment risks;
    private final SourceChecks sourceChecks;
    /** Smallest first, so the head is the one to drop when a larger record comes. */
    private final PriorityQueue<Ranked> largest;

    private record Ranked(long seq, BigDecimal committed, BigDecimal proposed, InitiativeRow row) {
    }

    private static final Comparator<Ranked> LARGER_FIRST = Comparator.comparing(Ranked::committed)
            .thenComparing(Ranked::proposed).reversed().thenComparingLong(Ranked::seq);

    /** Data-quality notes listed one by one; the rest are counted in one more note. */
    static final int DATA_QUALITY_LISTED = 20;

    private static final Comparator<FundingLedger.CarveOutExcess> LARGER_EXCESS_FIRST = Comparator
            .comparing((FundingLedger.CarveOutExcess e) -> e.children().committed().subtract(e.ancestor().committed()))
            .thenComparing(e -> e.children().proposed().subtract(e.ancestor().proposed()))
            .reversed()
            .thenComparing(FundingLedger.CarveOutExcess::ancestorId);

    public BriefingAssembler(int largestCount, RiskAssessment risks) {
        this(largestCount, risks, null);
    }

    /** @param sourceChecks checks of the records' sources for data-quality notes, or null for none */
    public BriefingAssembler(int largestCount, RiskAssessment risks, SourceChecks sourceChecks) {
        this.largestCount = largestCount;
        this.risks = risks;
        this.sourceChecks = sourceChecks;
        this.largest = new PriorityQueue<>(LARGER_FIRST.reversed());
    }

    /** The keys under which a record's funding is credited. */
    public static FundedRecord funded(Initiative i, BigDecimal committedUsd, BigDecimal proposedUsd) {
        var keys = new FigureKeys(distinct(i.stages(), Enum::name), distinct(i.parties(), p -> p), i.kind().name(),
                i.announced().getYear(), FigureDisplay.quarterOf(i.announced()),
                distinct(i.organizations(), Organization::name));
        return new FundedRecord(i.id(), keys, committedUsd, proposedUsd);
    }

    /**
     * The mapped values without repeats, in order. A plain loop: it runs for every record, on lists of one to a
     * few items, where a stream costs more than the work.
     */
    private static <T> List<String> distinct(List<T> items, java.util.function.Function<T, String> name) {
        List<String> out = new ArrayList<>(items.size());
        for (T item : items) {
            String n = name.apply(item);
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private static <T> List<String> names(List<T> items, java.util.function.Function<T, String> name) {
        List<String> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(name.apply(item));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** A table row for a record; amounts rounded to cents for display. */
    public static InitiativeRow row(Initiative i, BigDecimal committedUsd, BigDecimal proposedUsd,
                                    boolean countedInTotals, List<Integer> sourceNumbers) {
        List<SourceRef> sources = new ArrayList<>();
        int n = 1;
        for (Source s : i.sources()) {
            sources.add(new SourceRef(n++, s.url(), s.publisher(), s.published(), s.title()));
        }
        return new InitiativeRow(i.id(), i.title(), i.kind().name(), i.status().name(), i.announced(), i.parties(),
                names(i.stages(), Enum::name), i.minerals(),
                names(i.organizations(), Organization::name), i.location(), i.binding(), i.partOf(),
                countedInTotals, Cents.round(committedUsd), Cents.round(proposedUsd), sources, sourceNumbers);
    }

    /**
     * @param seq      the record's place in read order (ties in size keep read order)
     * @param ancestor the nearest in-scope ancestor's funding, or null when none is in scope
     * @param ancestorsMatched {@link RiskAssessment#amountRulesMatched} of every in-scope ancestor, or-ed (0 when
     *                         it has none)
     */
    public void accept(long seq, Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd,
                       FundedRecord ancestor, long ancestorsMatched) {
        acceptFigures(seq, initiative, committedUsd, proposedUsd, ancestor);
        acceptRisks(initiative, committedUsd, proposedUsd, ancestorsMatched);
    }

    /**
     * The risk tallies' part of {@link #accept}. The two parts share nothing, so a caller may feed them on two
     * threads (each its records in order, one thread per part) and call {@link #finish} once both are done.
     */
    public void acceptRisks(Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd,
                            long ancestorsMatched) {
        risks.accept(initiative, committedUsd, proposedUsd, ancestorsMatched);
    }

    /** The figures' part of {@link #accept}: the ledger, the source checks and the largest initiatives. */
    public void acceptFigures(long seq, Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd,
                              FundedRecord ancestor) {
        ledger.add(funded(initiative, committedUsd, proposedUsd), ancestor);
        if (sourceChecks != null) {
            sourceChecks.accept(seq, initiative, committedUsd, proposedUsd, ancestor == null);
        }
        if (largestCount > 0) {
            var ranked = new Ranked(seq, committedUsd, proposedUsd, null);
            if (largest.size() < largestCount || LARGER_FIRST.compare(ranked, largest.peek()) < 0) {
                largest.add(new Ranked(seq, committedUsd, proposedUsd,
                        row(initiative, committedUsd, proposedUsd, ancestor == null, List.of())));
                if (largest.size() > largestCount) {
                    largest.poll();
                }
            }
        }
    }

    /** What the figures come to, before the parts only the run knows (counts, changes, rejects) are added. */
    public Result finish() {
        FundingLedger.LedgerResult result = ledger.result();
        List<Breakdown> breakdowns = FigureDisplay.breakdowns(result);
        Map<Dimension, Map<String, BigDecimal>> committedByKey = new EnumMap<>(Dimension.class);
        result.byKey().forEach((d, m) -> {
            Map<String, BigDecimal> c = new LinkedHashMap<>();
            m.forEach((k, a) -> {
                if (!(d == Dimension.ORGANIZATION && k.equals(FundingLedger.NO_ORGANIZATION))) {
                    c.put(k, a.committed());
                }
            });
            committedByKey.put(d, c);
        });
        List<RiskNote> notes = risks.finish(new FundingShares(result.total().committed(), committedByKey));

        // Number the sources of the listed rows in table order, one number per address.
        List<Ranked> ranked = new ArrayList<>(largest);
        ranked.sort(LARGER_FIRST);
        Map<String, SourceRef> numbered = new LinkedHashMap<>();
        List<InitiativeRow> rows = new ArrayList<>();
        for (Ranked r : ranked) {
            List<Integer> numbers = new ArrayList<>();
            for (SourceRef s : r.row().sources()) {
                SourceRef ref = numbered.computeIfAbsent(s.url(),
                        url -> new SourceRef(numbered.size() + 1, url, s.publisher(), s.published(), s.title()));
                numbers.add(ref.number());
            }
            InitiativeRow row = r.row();
            rows.add(new InitiativeRow(row.id(), row.title(), row.kind(), row.status(), row.announced(), row.parties(),
                    row.stages(), row.minerals(), row.organizations(), row.location(), row.binding(), row.partOf(),
                    row.countedInTotals(), row.committedUsd(), row.proposedUsd(), row.sources(), List.copyOf(numbers)));
        }
        // The largest excesses first, and only so many: a briefing stays a briefing at a million records.
        List<FundingLedger.CarveOutExcess> excesses = new ArrayList<>(result.excesses());
        excesses.sort(LARGER_EXCESS_FIRST);
        List<DataQualityNote> excessNotes = new ArrayList<>();
        for (var excess : excesses.subList(0, Math.min(DATA_QUALITY_LISTED, excesses.size()))) {
            excessNotes.add(new DataQualityNote("Carve-outs of " + excess.ancestorId() + " add up to more than its own funding: "
                    + "committed USD " + Money.format(excess.children().committed()) + " against USD "
                    + Money.format(excess.ancestor().committed()) + ", proposed USD " + Money.format(excess.children().proposed())
                    + " against USD " + Money.format(excess.ancestor().proposed()) + " (" + excess.childCount()
                    + " carve-out" + (excess.childCount() == 1 ? "" : "s") + "). The total counts the parent's figure only; "
                    + "check the parent's funding or the children's partOf.",
                    concat(excess.ancestorId(), excess.childIds())));
        }
        List<Findings> kinds = new ArrayList<>();
        kinds.add(new Findings(excessNotes, excesses.size(), more -> new DataQualityNote(String.format(java.util.Locale.ROOT,
                "%,d more record%s ha%s carve-outs that add up to more than %s own funding (%,d in all; the largest are "
                + "listed above).", more, more == 1 ? "" : "s", more == 1 ? "s" : "ve", more == 1 ? "its" : "their",
                excesses.size()), List.of())));
        if (sourceChecks != null) {
            kinds.addAll(sourceChecks.finish());
        }
        // At most DATA_QUALITY_LISTED findings in all, shared among the kinds, each kind's rest counted in one note.
        List<DataQualityNote> quality = new ArrayList<>(Findings.listed(kinds, DATA_QUALITY_LISTED));
        if (sourceChecks != null && sourceChecks.coverageNote() != null) {
            quality.add(sourceChecks.coverageNote());
        }
        return new Result(result, breakdowns, FigureDisplay.timeline(result), List.copyOf(rows), notes,
                List.copyOf(quality), List.copyOf(numbered.values()));
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    public record Result(FundingLedger.LedgerResult ledger, List<Breakdown> breakdowns, List<TimelinePoint> timeline,
                         List<InitiativeRow> largest, List<RiskNote> risks, List<DataQualityNote> dataQuality,
                         List<SourceRef> sources) {

        public BigDecimal committedUsd() {
            return Cents.round(ledger.total().committed());
        }

        public BigDecimal proposedUsd() {
            return Cents.round(ledger.total().proposed());
        }

        public int highRisks() {
            return (int) risks.stream().filter(r -> r.severity() == RiskNote.Severity.HIGH).count();
        }
    }
}
