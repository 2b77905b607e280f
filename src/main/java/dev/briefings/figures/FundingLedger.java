package dev.briefings.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.briefings.briefing.Dimension;

/**
 * Adds up funding one record at a time (so a million records never sit in memory) without double counting
 * carve-outs.
 * <p>
 * The rule: a total counts a record's funding only if none of its ancestors is in scope. In a breakdown each
 * record is credited its own amount, and the amount of every in-scope record whose nearest in-scope ancestor it
 * is gets taken back out of it, so a parent keeps only its remainder. A record naming several stages (parties,
 * organizations) is split evenly among them. Summed over a carve-out tree the credits equal the top record's
 * own funding, so every breakdown adds up to its total exactly.
 */
public final class FundingLedger {

    /** The organization key for records that name none, so that the organization breakdown still reconciles. */
    public static final String NO_ORGANIZATION = "(no organization named)";
    private static final int SPLIT_SCALE = 24;

    private final SubsetTotal total = new SubsetTotal();
    private final Map<Dimension, Map<String, Sum>> byKey = new EnumMap<>(Dimension.class);
    private final TreeMap<String, Long> announcementsByQuarter = new TreeMap<>();
    private final TreeMap<String, BigDecimal> committedByQuarter = new TreeMap<>();
    private final Map<String, CarveOuts> carveOutsByAncestor = new LinkedHashMap<>();
    private final Set<String> parties = new HashSet<>();
    private long included;
    private long withFunding;
    private long carveOuts;

    public FundingLedger() {
        for (Dimension d : Dimension.values()) {
            byKey.put(d, new LinkedHashMap<>());
        }
    }

    /**
     * @param record   an in-scope record
     * @param ancestor its nearest in-scope ancestor (following partOf), or null when it has none
     */
    public void add(FundedRecord record, FundedRecord ancestor) {
        included++;
        parties.addAll(record.keys().parties());
        announcementsByQuarter.merge(record.keys().quarter(), 1L, Long::sum);
        if (record.hasFunding()) {
            withFunding++;
        }
        Amounts own = new Amounts(record.committedUsd(), record.proposedUsd());
        credit(record.keys(), own, 1);
        total.add(own.committed(), own.proposed(), ancestor != null);
        if (ancestor != null) {
            carveOuts++;
            credit(ancestor.keys(), own, -1);
            carveOutsByAncestor.computeIfAbsent(ancestor.id(),
                            id -> new CarveOuts(new Amounts(ancestor.committedUsd(), ancestor.proposedUsd())))
                    .add(record.id(), own);
        }
    }

    private void credit(FigureKeys keys, Amounts amounts, int sign) {
        Amounts signed = sign > 0 ? amounts : Amounts.ZERO.minus(amounts);
        creditSplit(Dimension.STAGE, keys.stages(), signed);
        creditSplit(Dimension.PARTY, keys.parties(), signed);
        if (keys.organizations().isEmpty()) {
            creditOne(Dimension.ORGANIZATION, NO_ORGANIZATION, signed.committed(), signed.proposed());
        } else {
            creditSplit(Dimension.ORGANIZATION, keys.organizations(), signed);
        }
        creditOne(Dimension.KIND, keys.kind(), signed.committed(), signed.proposed());
        creditOne(Dimension.YEAR, Integer.toString(keys.year()), signed.committed(), signed.proposed());
        committedByQuarter.merge(keys.quarter(), signed.committed(), BigDecimal::add);
    }

    /**
     * Both amounts split evenly among the keys, each part credited to its key: the last key takes what the division
     * left over, so that the parts add up to the amount exactly.
     */
    private void creditSplit(Dimension dimension, List<String> keys, Amounts amounts) {
        int parts = keys.size();
        if (parts == 1) {
            creditOne(dimension, keys.get(0), amounts.committed(), amounts.proposed());
            return;
        }
        BigDecimal committedEach = part(amounts.committed(), parts);
        BigDecimal proposedEach = part(amounts.proposed(), parts);
        for (int i = 0; i < parts - 1; i++) {
            creditOne(dimension, keys.get(i), committedEach, proposedEach);
        }
        creditOne(dimension, keys.get(parts - 1), rest(amounts.committed(), committedEach, parts),
                rest(amounts.proposed(), proposedEach, parts));
    }

    private void creditOne(Dimension dimension, String key, BigDecimal committed, BigDecimal proposed) {
        Map<String, Sum> map = byKey.get(dimension);
        Sum sum = map.get(key);
        if (sum == null) {
            map.put(key, new Sum(committed, proposed));
        } else {
            sum.add(committed, proposed);
        }
    }

    /** One of {@code parts} even parts of {@code amount}, rounded to {@value #SPLIT_SCALE} places. */
    private static BigDecimal part(BigDecimal amount, int parts) {
        return amount.divide(BigDecimal.valueOf(parts), SPLIT_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The last part: {@code amount} less the others (exact, so the parts add up to the amount). */
    private static BigDecimal rest(BigDecimal amount, BigDecimal each, int parts) {
        return amount.subtract(each.multiply(BigDecimal.valueOf(parts - 1L)));
    }

    public LedgerResult result() {
        List<CarveOutExcess> excesses = new ArrayList<>();
        carveOutsByAncestor.forEach((id, c) -> {
            if (c.children.committed().compareTo(c.parent.committed()) > 0
                    || c.children.proposed().compareTo(c.parent.proposed()) > 0) {
                excesses.add(new CarveOutExcess(id, c.parent, c.children, List.copyOf(c.childIds), c.childCount));
            }
        });
        Map<Dimension, Map<String, Amounts>> copy = new EnumMap<>(Dimension.class);
        byKey.forEach((d, m) -> {
            Map<String, Amounts> amounts = new HashMap<>();
            m.forEach((key, sum) -> amounts.put(key, new Amounts(sum.committed, sum.proposed)));
            copy.put(d, Map.copyOf(amounts)); // unordered, as before: the display sorts the breakdowns
        });
        return new LedgerResult(total.total(), copy, new TreeMap<>(announcementsByQuarter),
                new TreeMap<>(committedByQuarter), included, withFunding, carveOuts, parties.size(), excesses);
    }

    /**
     * A key's running sums, added to in place (rather than a new {@link Amounts} and a map merge per credit, for
     * every record).
     * The first credit is kept as it is, and each later one added, as {@link Amounts#plus} would: the same values
     * and scales.
     */
    private static final class Sum {
        private BigDecimal committed;
        private BigDecimal proposed;

        Sum(BigDecimal committed, BigDecimal proposed) {
            this.committed = committed;
            this.proposed = proposed;
        }

        void add(BigDecimal c, BigDecimal p) {
            committed = committed.add(c);
            proposed = proposed.add(p);
        }
    }

    private static final class CarveOuts {
        private static final int MAX_IDS = 20;
        private final Amounts parent;
        private Amounts children = Amounts.ZERO;
        private final List<String> childIds = new ArrayList<>();
        private long childCount;

        CarveOuts(Amounts parent) {
            this.parent = parent;
        }

        void add(String id, Amounts amounts) {
            children = children.plus(amounts);
            childCount++;
            if (childIds.size() < MAX_IDS) {
                childIds.add(id);
            }
        }
    }

    /** In-scope carve-outs of {@code ancestorId} that add up to more than the ancestor's own funding. */
    public record CarveOutExcess(String ancestorId, Amounts ancestor, Amounts children, List<String> childIds,
                                 long childCount) {
    }

    /**
     * Exact sums. {@code byKey} holds, per dimension, the credited amounts; each dimension's values add up to
     * {@code total}. {@code committedByQuarter} does the same for committed funding over time.
     */
    public record LedgerResult(Amounts total, Map<Dimension, Map<String, Amounts>> byKey,
                               TreeMap<String, Long> announcementsByQuarter,
                               TreeMap<String, BigDecimal> committedByQuarter, long included, long withFunding,
                               long carveOuts, int partnerCountries, List<CarveOutExcess> excesses) {
    }
}
