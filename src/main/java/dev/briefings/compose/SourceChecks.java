package dev.briefings.compose;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

import dev.briefings.briefing.DataQualityNote;
import dev.briefings.figures.Money;
import dev.briefings.intake.FundingLine;
import dev.briefings.intake.FxRates;
import dev.briefings.intake.Initiative;
import dev.briefings.intake.ReportedFigure;
import dev.briefings.intake.Source;

/**
 * Checks the sources of the in-scope records as they stream past, for the briefing's data-quality notes:
 * <ul>
 *   <li>a source published after the briefing's as-of date;</li>
 *   <li>a source URL cited with different publication dates, within a record or across records (each citation is
 *       compared with the URL's first citation);</li>
 *   <li>sources that disagree: the figures the sources report ({@code sources[].reported}) differ from each other
 *       or from the record's own funding by more than rounding, that is by more than {@link #TOLERANCE} of the
 *       larger of the two. Two figures in the same currency are compared in it; otherwise in USD at the rates of
 *       fx-rates.json. A record without funding lines counts nothing, so any reported figure disagrees with it.</li>
 * </ul>
 * Memory is bounded whatever the number of records: per kind, only as many findings as the briefing can list are
 * kept (the largest differences; in read order, the first records citing late sources and the first repeated URLs)
 * and the rest are counted;
 * the repeated-URL check across records remembers at most {@link #URLS_REMEMBERED} distinct URLs ({@link UrlDates}).
 */
public final class SourceChecks {

    /** "More than rounding": two figures differ when they are further apart than 0.5% of the larger. */
    static final BigDecimal TOLERANCE = new BigDecimal("0.005");
    /** Distinct URLs remembered across records: three quarters of 2^20 slots, about 21 MB at most. */
    static final int URLS_REMEMBERED = 786_432;
    /** Figures shown in one disagreement note; a record may cite up to 100 sources. */
    static final int FIGURES_SHOWN = 20;
    private static final int URL_SHOWN = 120;
    private static final int NO_DATE = Integer.MIN_VALUE;

    /** The ids of records by their place in read order, for naming the first citation of a repeated URL. */
    @FunctionalInterface
    public interface RecordIds {
        Map<Long, String> idsOf(Set<Long> seqs);
    }

    private final LocalDate asOf;
    private final FxRates rates;
    private final RecordIds recordIds;
    private final int kept;
    private final UrlDates urls;

    private long disagreementCount;
    private final PriorityQueue<Disagreement> disagreements;
    /** Records citing a source published after the as-of date. */
    private long lateCount;
    private final List<DataQualityNote> late = new ArrayList<>();
    private long repeatCount;
    private final List<Repeat> repeats = new ArrayList<>();

    private record Disagreement(BigDecimal spreadUsd, long seq, DataQualityNote note) {
    }

    private static final Comparator<Disagreement> LARGER_FIRST = Comparator.comparing(Disagreement::spreadUsd)
            .reversed().thenComparingLong(Disagreement::seq);

    /** A later citation of a URL with another date than its first; the first's id is looked up at the end. */
    private record Repeat(String url, long firstSeq, String firstId, int firstSource, int firstDay,
                          String id, int source, int day) {
    }

    /** One figure of a record: its own funding (source -1) or what a source reports. */
    private record Figure(int source, BigDecimal amount, String currency, BigDecimal usd) {

        boolean differsFrom(Figure other) {
            return currency.equals(other.currency) ? differ(amount, other.amount) : differ(usd, other.usd);
        }
    }

    /** @param recordIds looks up the ids of earlier records, at the end and only for the findings kept */
    public SourceChecks(LocalDate asOf, FxRates rates, RecordIds recordIds) {
        this(asOf, rates, recordIds, BriefingAssembler.DATA_QUALITY_LISTED, URLS_REMEMBERED);
    }

    /** @param kept findings kept per kind: as many as the briefing lists at most */
    SourceChecks(LocalDate asOf, FxRates rates, RecordIds recordIds, int kept, int urlsRemembered) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.rates = Objects.requireNonNull(rates, "rates");
        this.recordIds = Objects.requireNonNull(recordIds, "recordIds");
        this.kept = kept;
        this.urls = new UrlDates(urlsRemembered);
        this.disagreements = new PriorityQueue<>(LARGER_FIRST.reversed());
    }

    /**
     * @param countedInTotals false for a carve-out whose parent is in scope (the totals count the parent's figure)
     */
    public void accept(long seq, Initiative record, BigDecimal committedUsd, BigDecimal proposedUsd,
                       boolean countedInTotals) {
        List<Source> sources = record.sources();
        StringBuilder lateOnes = null;
        int lateHere = 0;
        for (int s = 0; s < sources.size(); s++) {
            Source source = sources.get(s);
            if (source.published() != null && source.published().isAfter(asOf)) {
                lateHere++;
                if (late.size() < kept) { // the note is written only if it can be listed
                    lateOnes = lateOnes == null ? new StringBuilder() : lateOnes.append("; ");
                    lateOnes.append(cite(s, source)).append(", ").append(clip(source.url()));
                }
            }
            checkUrl(seq, record, s);
        }
        if (lateHere > 0) {
            lateCount++;
            if (lateOnes != null) {
                late.add(new DataQualityNote((lateHere == 1 ? "A source of " + record.id() + " is"
                        : lateHere + " sources of " + record.id() + " are") + " dated after the briefing's as-of date "
                        + asOf + ": " + lateOnes + ". Check the date" + (lateHere == 1 ? "" : "s")
                        + "; if right, the record reports events after the as-of date.", List.of(record.id())));
            }
        }
        checkFigures(seq, record, committedUsd, proposedUsd, countedInTotals);
    }

    // ---- repeated URLs ---------------------------------------------------------------------------------------

    private void checkUrl(long seq, Initiative record, int s) {
        Source source = record.sources().get(s);
        if (source.url() == null) {
            return;
        }
        int day = day(source);
        // Within the record: compared with the URL's first citation in it, whatever the cross-record table holds.
        for (int earlier = 0; earlier < s; earlier++) {
            Source first = record.sources().get(earlier);
            if (source.url().equals(first.url())) {
                if (day(first) != day) {
                    repeated(new Repeat(source.url(), seq, record.id(), earlier, day(first), record.id(), s, day));
                }
                return;
            }
        }
        int slot = urls.firstOrRemember(source.url(), day, seq, s);
        if (slot != UrlDates.NOT_FOUND && urls.seq(slot) != seq && urls.day(slot) != day) {
            repeated(new Repeat(source.url(), urls.seq(slot), null, urls.source(slot), urls.day(slot), record.id(), s, day));
        }
    }

    private void repeated(Repeat repeat) {
        repeatCount++;
        if (repeats.size() < kept) {
            repeats.add(repeat);
        }
    }

    private static int day(Source s) {
        return s.published() == null ? NO_DATE : Math.toIntExact(s.published().toEpochDay());
    }

    private DataQualityNote repeatNote(Repeat r, Map<Long, String> ids) {
        String firstId = r.firstId() != null ? r.firstId() : ids.getOrDefault(r.firstSeq(), "an earlier record");
        String where = firstId.equals(r.id())
                ? "cited twice by " + r.id() + " with different publication dates: " + date(r.firstDay()) + " (sources["
                        + r.firstSource() + "]) and " + date(r.day()) + " (sources[" + r.source() + "])"
                : "cited with different publication dates: " + date(r.firstDay()) + " by " + firstId + " (sources["
                        + r.firstSource() + "]) and " + date(r.day()) + " by " + r.id() + " (sources[" + r.source() + "])";
        boolean known = r.firstId() != null || ids.containsKey(r.firstSeq());
        List<String> concerned = !known || firstId.equals(r.id()) ? List.of(r.id()) : List.of(firstId, r.id());
        return new DataQualityNote("The source URL " + clip(r.url()) + " is " + where
                + ". One publication has one date; correct the other citation.", concerned);
    }

    private static String date(int epochDay) {
        return epochDay == NO_DATE ? "no date" : LocalDate.ofEpochDay(epochDay).toString();
    }

    // ---- reported figures ------------------------------------------------------------------------------------

    private void checkFigures(long seq, Initiative record, BigDecimal committedUsd, BigDecimal proposedUsd,
                              boolean countedInTotals) {
        List<Figure> reported = null;
        for (int s = 0; s < record.sources().size(); s++) {
            ReportedFigure r = record.sources().get(s).reported();
            if (r != null) {
                if (reported == null) {
                    reported = new ArrayList<>();
                }
                reported.add(new Figure(s, r.amount(), r.currency(), rates.toUsd(r.amount(), r.currency())));
            }
        }
        if (reported == null) {
            return; // most records: nothing to compare
        }
        Figure own = own(record, committedUsd, proposedUsd);
        List<Figure> all = new ArrayList<>(reported.size() + 1);
        if (own != null) {
            all.add(own);
        }
        all.addAll(reported);
        if (own != null && !anyPairDiffers(all)) {
            return;
        }
        disagreementCount++;
        BigDecimal max = own == null ? BigDecimal.ZERO : own.usd();
        BigDecimal min = max;
        for (Figure f : reported) {
            max = max.max(f.usd());
            min = min.min(f.usd());
        }
        BigDecimal spread = max.subtract(min);
        var candidate = new Disagreement(spread, seq, null);
        if (disagreements.size() < kept || (kept > 0 && LARGER_FIRST.compare(candidate, disagreements.peek()) < 0)) {
            disagreements.add(new Disagreement(spread, seq,
                    disagreementNote(record, own, reported, committedUsd, proposedUsd, countedInTotals)));
            if (disagreements.size() > kept) {
                disagreements.poll();
            }
        }
    }

    /** The record's funding as one figure: in the currency of its lines if they share one, else in USD. */
    private static Figure own(Initiative record, BigDecimal committedUsd, BigDecimal proposedUsd) {
        if (record.funding().isEmpty()) {
            return null;
        }
        String currency = record.funding().get(0).currency();
        BigDecimal amount = BigDecimal.ZERO;
        for (FundingLine line : record.funding()) {
            if (!line.currency().equals(currency)) {
                currency = null;
                break;
            }
            amount = amount.add(line.amount());
        }
        BigDecimal usd = committedUsd.add(proposedUsd);
        return currency == null ? new Figure(-1, usd, "USD", usd) : new Figure(-1, amount, currency, usd);
    }

    private static boolean anyPairDiffers(List<Figure> figures) {
        for (int a = 0; a < figures.size(); a++) {
            for (int b = a + 1; b < figures.size(); b++) {
                if (figures.get(a).differsFrom(figures.get(b))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when a and b are further apart than the tolerance times the larger. */
    static boolean differ(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().compareTo(a.max(b).multiply(TOLERANCE)) > 0;
    }

    private DataQualityNote disagreementNote(Initiative record, Figure own, List<Figure> reported,
                                             BigDecimal committedUsd, BigDecimal proposedUsd, boolean countedInTotals) {
        var text = new StringBuilder("Sources disagree on the funding of ").append(record.id()).append(": ");
        text.append(own == null ? "the record has no funding lines" : "the record's funding is " + money(own));
        int shown = Math.min(FIGURES_SHOWN, reported.size());
        for (int k = 0; k < shown; k++) {
            Figure f = reported.get(k);
            Source s = record.sources().get(f.source());
            text.append(k == 0 ? "; " : ", ").append(cite(f.source(), s)).append(" reports ").append(money(f));
            if (s.reported().note() != null) {
                text.append(" (\"").append(s.reported().note()).append("\")");
            }
        }
        if (reported.size() > shown) {
            text.append(", and ").append(reported.size() - shown).append(" more sources report figures");
        }
        text.append(". The totals use the record's funding lines, not the reported figures: ");
        if (own == null) {
            text.append("nothing is counted for it");
        } else {
            List<String> parts = new ArrayList<>();
            if (committedUsd.signum() != 0) {
                parts.add("USD " + Money.format(committedUsd) + " committed");
            }
            if (proposedUsd.signum() != 0) {
                parts.add("USD " + Money.format(proposedUsd) + " proposed");
            }
            text.append(String.join(", ", parts));
            if (!countedInTotals) {
                text.append(" (a carve-out of ").append(record.partOf())
                        .append(": the totals count its parent's funding, which includes it)");
            }
        }
        text.append('.');
        return new DataQualityNote(text.toString(), List.of(record.id()));
    }

    private static String money(Figure f) {
        String shown = f.currency() + " " + Money.format(f.amount());
        return f.currency().equals("USD") ? shown : shown + " (USD " + Money.format(f.usd()) + ")";
    }

    // ---- the notes -------------------------------------------------------------------------------------------

    /** The findings by kind, in the order the briefing lists them: disagreements, late sources, repeated URLs. */
    List<Findings> finish() {
        List<Disagreement> largest = new ArrayList<>(disagreements);
        largest.sort(LARGER_FIRST);
        List<Findings> kinds = new ArrayList<>();
        kinds.add(new Findings(largest.stream().map(Disagreement::note).toList(), disagreementCount,
                more -> new DataQualityNote(String.format(Locale.ROOT, "%,d more record%s whose sources disagree on the "
                        + "funding (%,d in all; the largest differences are listed above).", more, plural(more),
                        disagreementCount), List.of())));
        kinds.add(new Findings(late, lateCount,
                more -> new DataQualityNote(String.format(Locale.ROOT, "%,d more record%s cite%s sources dated after "
                        + "the as-of date %s (%,d in all; the first in read order are listed above).", more, plural(more),
                        more == 1 ? "s" : "", asOf, lateCount), List.of())));
        Set<Long> wanted = new HashSet<>();
        for (Repeat r : repeats) {
            if (r.firstId() == null) {
                wanted.add(r.firstSeq());
            }
        }
        Map<Long, String> ids = wanted.isEmpty() ? Map.of() : recordIds.idsOf(wanted);
        List<DataQualityNote> repeatNotes = new ArrayList<>();
        for (Repeat r : repeats) {
            repeatNotes.add(repeatNote(r, ids));
        }
        kinds.add(new Findings(repeatNotes, repeatCount,
                more -> new DataQualityNote(String.format(Locale.ROOT, "%,d more citation%s of a source URL with "
                        + "another publication date than its first citation (%,d in all; the first in read order are "
                        + "listed above).", more, plural(more), repeatCount), List.of())));
        return kinds;
    }

    /** A note on the reach of the repeated-URL check when its bounded memory was full, else null. */
    DataQualityNote coverageNote() {
        if (urls.notRemembered() == 0) {
            return null;
        }
        return new DataQualityNote(String.format(Locale.ROOT, "The check for source URLs cited with different "
                + "publication dates remembers the first %,d distinct URLs in scope (bounded memory); %,d later "
                + "citations of other URLs were checked against those only.", urls.size(), urls.notRemembered()),
                List.of());
    }

    private static String cite(int index, Source s) {
        return "sources[" + index + "] (" + s.publisher() + (s.published() == null ? "" : ", " + s.published()) + ")";
    }

    private static String clip(String url) {
        return url == null || url.length() <= URL_SHOWN ? url : url.substring(0, URL_SHOWN) + "…";
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
