package dev.briefings.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
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
    private final Map<Dimension, Map<String, Amounts>> byKey = new EnumMap<>(Dimension.class);
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
        creditSplit(Dimension.ORGANIZATION,
                keys.organizations().isEmpty() ? List.of(NO_ORGANIZATION) : keys.organizations(), signed);
        creditSplit(Dimension.KIND, List.of(keys.kind()), signed);
        creditSplit(Dimension.YEAR, List.of(Integer.toString(keys.year())), signed);
        committedByQuarter.merge(keys.quarter(), signed.committed(), BigDecimal::add);
    }

    private void creditSplit(Dimension dimension, List<String> keys, Amounts amounts) {
        List<BigDecimal> committed = split(amounts.committed(), keys.size());
        List<BigDecimal> proposed = split(amounts.proposed(), keys.size());
        Map<String, Amounts> map = byKey.get(dimension);
        for (int i = 0; i < keys.size(); i++) {
            map.merge(keys.get(i), new Amounts(committed.get(i), proposed.get(i)), Amounts::plus);
        }
    }

    /** Even parts whose sum is exactly {@code amount}: the last part takes what the division left over. */
    static List<BigDecimal> split(BigDecimal amount, int parts) {
        if (parts == 1) {
            return List.of(amount);
        }
        List<BigDecimal> result = new ArrayList<>(parts);
        BigDecimal each = amount.divide(BigDecimal.valueOf(parts), SPLIT_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal used = BigDecimal.ZERO;
        for (int i = 0; i < parts - 1; i++) {
            result.add(each);
            used = used.add(each);
        }
        result.add(amount.subtract(used));
        return result;
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
        byKey.forEach((d, m) -> copy.put(d, Map.copyOf(m)));
        return new LedgerResult(total.total(), copy, new TreeMap<>(announcementsByQuarter),
                new TreeMap<>(committedByQuarter), included, withFunding, carveOuts, parties.size(), excesses);
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
