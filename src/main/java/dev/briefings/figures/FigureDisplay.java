package dev.briefings.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.briefings.briefing.Breakdown;
import dev.briefings.briefing.Breakdown.BreakdownRow;
import dev.briefings.briefing.Dimension;
import dev.briefings.briefing.TimelinePoint;

/**
 * Turns exact ledger sums into what a briefing shows: cents, allocated so that every breakdown and the timeline
 * add up exactly to the rounded totals.
 */
public final class FigureDisplay {

    private FigureDisplay() {
    }

    public static List<Breakdown> breakdowns(FundingLedger.LedgerResult result) {
        BigDecimal committedTotal = Cents.round(result.total().committed());
        BigDecimal proposedTotal = Cents.round(result.total().proposed());
        List<Breakdown> breakdowns = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            Map<String, Amounts> exact = new TreeMap<>(result.byKey().get(dimension));
            Map<String, BigDecimal> committed = new LinkedHashMap<>();
            Map<String, BigDecimal> proposed = new LinkedHashMap<>();
            exact.forEach((k, a) -> {
                committed.put(k, a.committed());
                proposed.put(k, a.proposed());
            });
            Map<String, BigDecimal> committedCents = Cents.allocate(committed);
            Map<String, BigDecimal> proposedCents = Cents.allocate(proposed);
            List<BreakdownRow> rows = new ArrayList<>();
            for (String key : exact.keySet()) {
                BigDecimal c = committedCents.get(key);
                BigDecimal p = proposedCents.get(key);
                if (c.signum() == 0 && p.signum() == 0) {
                    continue;
                }
                BigDecimal share = committedTotal.signum() == 0 ? BigDecimal.ZERO
                        : c.divide(committedTotal, 6, RoundingMode.HALF_EVEN);
                rows.add(new BreakdownRow(key, label(dimension, key), c, p, share));
            }
            rows.sort(Comparator.comparing(BreakdownRow::committedUsd).reversed()
                    .thenComparing(Comparator.comparing(BreakdownRow::proposedUsd).reversed())
                    .thenComparing(BreakdownRow::key));
            breakdowns.add(new Breakdown(dimension, List.copyOf(rows), committedTotal, proposedTotal));
        }
        return breakdowns;
    }

    /** Quarters from the first announcement to the last, without gaps. */
    public static List<TimelinePoint> timeline(FundingLedger.LedgerResult result) {
        TreeMap<String, Long> counts = result.announcementsByQuarter();
        if (counts.isEmpty()) {
            return List.of();
        }
        Map<String, BigDecimal> committed = new LinkedHashMap<>();
        for (String q = counts.firstKey(); q.compareTo(counts.lastKey()) <= 0; q = nextQuarter(q)) {
            committed.put(q, result.committedByQuarter().getOrDefault(q, BigDecimal.ZERO));
        }
        Map<String, BigDecimal> cents = Cents.allocate(committed);
        List<TimelinePoint> points = new ArrayList<>();
        cents.forEach((q, c) -> points.add(new TimelinePoint(q, counts.getOrDefault(q, 0L), c)));
        return points;
    }

    public static String quarterOf(java.time.LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    static String nextQuarter(String quarter) {
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = quarter.charAt(6) - '0';
        return q == 4 ? (year + 1) + "-Q1" : year + "-Q" + (q + 1);
    }

    public static String label(Dimension dimension, String key) {
        return switch (dimension) {
            case STAGE, KIND -> humanize(key);
            case PARTY -> {
                String name = new Locale("", key).getDisplayCountry(Locale.ENGLISH);
                yield name.isBlank() || name.equals(key) ? key : name + " (" + key + ")";
            }
            case YEAR, ORGANIZATION -> key;
        };
    }

    /** FEDERAL_PROGRAM to "Federal program". */
    public static String humanize(String enumName) {
        String words = enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
