package dev.briefings.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.briefings.briefing.Dimension;
import dev.briefings.briefing.RiskNote;
import dev.briefings.briefing.RiskNote.Severity;
import dev.briefings.figures.SubsetTotal;
import dev.briefings.intake.ConfigurationException;
import dev.briefings.intake.Initiative;
import dev.briefings.intake.Organization;
import dev.briefings.intake.RiskCategory;
import dev.briefings.intake.Stage;
import dev.briefings.intake.StatedRisk;
import dev.briefings.risk.RiskRule.Concentration;
import dev.briefings.risk.RiskRule.Header;
import dev.briefings.risk.RiskRule.NonbindingWithFunding;
import dev.briefings.risk.RiskRule.ProcessingDependency;
import dev.briefings.risk.RiskRule.ProposedOnly;
import dev.briefings.risk.RiskRule.StageNotYetUnderway;
import dev.briefings.risk.RiskRule.StagePresent;

/**
 * Applies the risk rules and the records' stated risks to the initiatives in scope, one at a time. Holds only
 * counters, sums and capped id lists, so that a million initiatives pass through in little memory.
 * Not thread-safe: one assessment per briefing run.
 */
public final class RiskAssessment {

    /**
     * Keys a concentration rule tracks per dimension. Keys are only judged at the end, against shares computed
     * elsewhere, so every key met is tracked; past this many, the half with the least own committed funding is
     * dropped. Counts and ids stay exact for any key never dropped, which in practice includes every key that
     * holds a large share (it would need less own funding than thousands of other keys).
     */
    static final int CONCENTRATION_MAX_KEYS = 10_000;

    static final Comparator<RiskNote> ORDER = Comparator.comparing(RiskNote::severity)
            .thenComparing(Comparator.comparingLong(RiskNote::initiativeCount).reversed())
            .thenComparing(RiskNote::title);

    /** Rules whose notes state an amount; each gets one bit in {@link #amountRulesMatched}. */
    static final int MAX_AMOUNT_RULES = Long.SIZE;

    private final RiskRules rules;
    private final List<Notes> all = new ArrayList<>();
    /** The tallies that only count and name records. */
    private final List<Tally> tallies = new ArrayList<>();
    /** The tallies that also sum funding, in bit order. */
    private final List<AmountTally> amountTallies = new ArrayList<>();
    private final StatedRisks stated;
    private final int maxConcentrationKeys;

    public RiskAssessment(RiskRules rules, MarketContext context) {
        this(rules, context, CONCENTRATION_MAX_KEYS);
    }

    RiskAssessment(RiskRules rules, MarketContext context, int maxConcentrationKeys) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.maxConcentrationKeys = maxConcentrationKeys;
        Objects.requireNonNull(context, "context");
        for (RiskRule rule : rules.rules()) {
            Notes notes = tally(rule, context);
            all.add(notes);
            if (notes instanceof AmountTally amounts) {
                amountTallies.add(amounts);
            } else {
                tallies.add((Tally) notes);
            }
        }
        if (amountTallies.size() > MAX_AMOUNT_RULES) {
            throw new ConfigurationException("the risk rules have " + amountTallies.size() + " rules that state an "
                    + "amount; at most " + MAX_AMOUNT_RULES + " are supported");
        }
        this.stated = new StatedRisks();
    }

    /**
     * Which of the rules that state an amount a record matches, as bits. For the records other records are carved
     * out of: a note's amount follows the ledger's rule, so a carve-out whose ancestor the same note names is not
     * counted again (see {@link SubsetTotal}).
     */
    public long amountRulesMatched(Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd) {
        long bits = 0;
        for (int b = 0; b < amountTallies.size(); b++) {
            if (amountTallies.get(b).matches(initiative, committedUsd, proposedUsd)) {
                bits |= 1L << b;
            }
        }
        return bits;
    }

    /**
     * Takes one initiative in scope.
     *
     * @param committedUsd the record's own committed (and disbursed) funding in USD, exact
     * @param proposedUsd  the record's own proposed funding in USD, exact
     */
    public void accept(Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd) {
        accept(initiative, committedUsd, proposedUsd, 0L);
    }

    /**
     * Takes one initiative in scope that may be carved out of others.
     *
     * @param matchedByAncestors {@link #amountRulesMatched} of every in-scope ancestor (following partOf), or-ed
     */
    public void accept(Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd, long matchedByAncestors) {
        Objects.requireNonNull(initiative, "initiative");
        Objects.requireNonNull(committedUsd, "committedUsd");
        Objects.requireNonNull(proposedUsd, "proposedUsd");
        for (Tally tally : tallies) {
            tally.accept(initiative, committedUsd, proposedUsd);
        }
        for (int b = 0; b < amountTallies.size(); b++) {
            amountTallies.get(b).accept(initiative, committedUsd, proposedUsd, (matchedByAncestors & (1L << b)) != 0);
        }
        stated.accept(initiative);
    }

    /** The notes, HIGH first, then by the number of initiatives concerned (most first), then by title. */
    public List<RiskNote> finish(FundingShares shares) {
        Objects.requireNonNull(shares, "shares");
        List<RiskNote> notes = new ArrayList<>();
        for (Notes tally : all) {
            tally.finish(shares, notes);
        }
        stated.finish(notes);
        notes.sort(ORDER);
        return List.copyOf(notes);
    }

    private Notes tally(RiskRule rule, MarketContext context) {
        int cap = rules.maxIdsPerNote();
        if (rule instanceof NonbindingWithFunding r) {
            return new NonbindingTally(r, cap);
        } else if (rule instanceof StageNotYetUnderway r) {
            return new MatchTally(r.header(), cap,
                    (i, c, p) -> anyOf(i.stages(), r.stages()) && r.statuses().contains(i.status()),
                    Map.of("stages", names(r.stages()), "statuses", names(r.statuses())));
        } else if (rule instanceof StagePresent r) {
            return new MatchTally(r.header(), cap, (i, c, p) -> anyOf(i.stages(), r.stages()),
                    Map.of("stages", names(r.stages())));
        } else if (rule instanceof Concentration r) {
            return new ConcentrationTally(r, cap, maxConcentrationKeys);
        } else if (rule instanceof ProcessingDependency r) {
            ContextFigure figure = context.figure(r.figure()).orElseThrow(() -> new ConfigurationException(
                    "risk rule '" + r.header().id() + "' uses the market-context figure '" + r.figure()
                            + "', which the market context does not have (it has: " + context.figures().stream()
                            .map(ContextFigure::key).collect(Collectors.joining(", ")) + ")"));
            return new ProcessingTally(r, figure, context.alliedParties(), cap);
        } else if (rule instanceof ProposedOnly r) {
            return new ProposedOnlyTally(r, cap);
        }
        throw new IllegalStateException("unhandled rule shape " + rule.getClass().getSimpleName());
    }

    private static boolean anyOf(List<Stage> stages, Set<Stage> wanted) {
        for (Stage stage : stages) {
            if (wanted.contains(stage)) {
                return true;
            }
        }
        return false;
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    /** A note from a rule: the common placeholders filled from the ids, the others from {@code values}. */
    private static RiskNote note(Header header, CappedIds ids, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put("count", Display.count(ids.count()));
        all.put("initiatives", Display.initiatives(ids.count()));
        all.put("ids", Display.ids(ids.ids(), ids.count()));
        return new RiskNote(header.severity(), header.category().name(), Display.fill(header.title(), all),
                Display.fill(header.why(), all), ids.ids(), ids.count(), "rule:" + header.id());
    }

    private interface Notes {
        void finish(FundingShares shares, List<RiskNote> out);
    }

    private interface Tally extends Notes {
        void accept(Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd);
    }

    /** A rule whose note states the funding of the records it names: summed by the ledger's rule. */
    private abstract static class AmountTally implements Notes {
        final CappedIds ids;
        final SubsetTotal funding = new SubsetTotal();

        AmountTally(int cap) {
            this.ids = new CappedIds(cap);
        }

        abstract boolean matches(Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd);

        final void accept(Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd, boolean ancestorNamed) {
            if (matches(initiative, committedUsd, proposedUsd)) {
                ids.add(initiative.id());
                funding.add(committedUsd, proposedUsd, ancestorNamed);
            }
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean test(Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd);
    }

    /** Rules whose sentence needs nothing but the matching records and fixed parameters. */
    private static final class MatchTally implements Tally {
        private final Header header;
        private final CappedIds ids;
        private final Condition condition;
        private final Map<String, String> values;

        MatchTally(Header header, int cap, Condition condition, Map<String, String> values) {
            this.header = header;
            this.ids = new CappedIds(cap);
            this.condition = condition;
            this.values = values;
        }

        @Override
        public void accept(Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd) {
            if (condition.test(initiative, committedUsd, proposedUsd)) {
                ids.add(initiative.id());
            }
        }

        @Override
        public void finish(FundingShares shares, List<RiskNote> out) {
            if (ids.count() > 0) {
                out.add(note(header, ids, values));
            }
        }
    }

    private static final class NonbindingTally extends AmountTally {
        private final NonbindingWithFunding rule;

        NonbindingTally(NonbindingWithFunding rule, int cap) {
            super(cap);
            this.rule = rule;
        }

        @Override
        boolean matches(Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd) {
            return !initiative.binding() && committedUsd.add(proposedUsd).compareTo(rule.minUsd()) > 0;
        }

        @Override
        public void finish(FundingShares shares, List<RiskNote> out) {
            if (ids.count() > 0) {
                out.add(note(rule.header(), ids, Map.of("amount", Display.usd(funding.committed().add(funding.proposed())),
                        "committed", Display.usd(funding.committed()), "proposed", Display.usd(funding.proposed()),
                        "minUsd", Display.usd(rule.minUsd()))));
            }
        }
    }

    private static final class ProposedOnlyTally extends AmountTally {
        private final ProposedOnly rule;

        ProposedOnlyTally(ProposedOnly rule, int cap) {
            super(cap);
            this.rule = rule;
        }

        @Override
        boolean matches(Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd) {
            return proposedUsd.signum() > 0 && committedUsd.signum() == 0;
        }

        @Override
        public void finish(FundingShares shares, List<RiskNote> out) {
            if (ids.count() > 0) {
                out.add(note(rule.header(), ids, Map.of("amount", Display.usd(funding.proposed()))));
            }
        }
    }

    private static final class ConcentrationTally implements Tally {
        private final Concentration rule;
        private final int cap;
        private final int maxKeys;
        private final Map<Dimension, Map<String, KeyTally>> byKey = new EnumMap<>(Dimension.class);

        ConcentrationTally(Concentration rule, int cap, int maxKeys) {
            this.rule = rule;
            this.cap = cap;
            this.maxKeys = maxKeys;
            rule.dimensions().forEach(d -> byKey.put(d, new HashMap<>()));
        }

        @Override
        public void accept(Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd) {
            if (committedUsd.signum() <= 0) {
                return;
            }
            byKey.forEach((dimension, keys) -> {
                for (String key : keys(initiative, dimension)) {
                    KeyTally tally = keys.computeIfAbsent(key, k -> new KeyTally(new CappedIds(cap)));
                    tally.ids.add(initiative.id());
                    tally.ownCommitted = tally.ownCommitted.add(committedUsd);
                }
                if (keys.size() > maxKeys) {
                    dropSmallerHalf(keys);
                }
            });
        }

        private static void dropSmallerHalf(Map<String, KeyTally> keys) {
            List<Map.Entry<String, KeyTally>> entries = new ArrayList<>(keys.entrySet());
            entries.sort(Comparator.comparing(e -> e.getValue().ownCommitted));
            entries.subList(0, entries.size() / 2).forEach(e -> keys.remove(e.getKey()));
        }

        @Override
        public void finish(FundingShares shares, List<RiskNote> out) {
            BigDecimal total = shares.committedTotal();
            if (total.signum() <= 0) {
                return;
            }
            BigDecimal limit = rule.maxShare().multiply(total);
            byKey.forEach((dimension, keys) -> shares.committedByKey().getOrDefault(dimension, Map.of())
                    .forEach((key, amount) -> {
                        // Strictly above the threshold: a share exactly at it does not fire.
                        if (amount.compareTo(limit) > 0) {
                            KeyTally tally = keys.get(key);
                            CappedIds ids = tally == null ? new CappedIds(cap) : tally.ids;
                            out.add(note(rule.header(), ids, Map.of("key", key,
                                    "dimension", dimension.label().toLowerCase(java.util.Locale.ROOT),
                                    "share", Display.percent(amount, total),
                                    "threshold", Display.percent(rule.maxShare()),
                                    "amount", Display.usd(amount), "total", Display.usd(total))));
                        }
                    }));
        }

        private static Set<String> keys(Initiative initiative, Dimension dimension) {
            Set<String> keys = new LinkedHashSet<>();
            switch (dimension) {
                case PARTY -> keys.addAll(initiative.parties());
                case STAGE -> initiative.stages().forEach(s -> keys.add(s.name()));
                case ORGANIZATION -> initiative.organizations().stream().map(Organization::name)
                        .filter(Objects::nonNull).forEach(keys::add);
                case KIND -> {
                    if (initiative.kind() != null) {
                        keys.add(initiative.kind().name());
                    }
                }
                case YEAR -> {
                    if (initiative.announced() != null) {
                        keys.add(Integer.toString(initiative.announced().getYear()));
                    }
                }
            }
            return keys;
        }
    }

    private static final class ProcessingTally implements Tally {
        private final ProcessingDependency rule;
        private final ContextFigure figure;
        private final Set<String> allied;
        private final boolean active;
        private final CappedIds ids;
        private long dependent;
        private long outside;

        ProcessingTally(ProcessingDependency rule, ContextFigure figure, Set<String> allied, int cap) {
            this.rule = rule;
            this.figure = figure;
            this.allied = allied;
            this.active = figure.value().compareTo(rule.threshold()) > 0;
            this.ids = new CappedIds(cap);
        }

        @Override
        public void accept(Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd) {
            if (!active) {
                return;
            }
            boolean processes = anyOf(initiative.stages(), rule.unlessStages());
            if (!processes && anyOf(initiative.stages(), rule.stages())) {
                dependent++;
                ids.add(initiative.id());
            } else if (processes && !allied.containsAll(initiative.parties())) {
                outside++;
                ids.add(initiative.id());
            }
        }

        @Override
        public void finish(FundingShares shares, List<RiskNote> out) {
            if (ids.count() > 0) {
                out.add(note(rule.header(), ids, Map.of("figure", figure.displayValue(),
                        "figureLabel", figure.label(), "source", Display.source(figure.source()),
                        "threshold", Display.figure(rule.threshold(), figure.unit()),
                        "stages", names(rule.stages()), "unlessStages", names(rule.unlessStages()),
                        "dependentCount", Display.count(dependent), "outsideCount", Display.count(outside))));
            }
        }
    }

    /** The risks records state, grouped by identical category and text; at most maxStatedNotes groups. */
    private final class StatedRisks {
        private final Map<StatedRisk, Group> groups = new LinkedHashMap<>();
        private final Map<RiskCategory, Long> leftOutByCategory = new EnumMap<>(RiskCategory.class);
        private final CappedIds leftOutRecords = new CappedIds(rules.maxIdsPerNote());
        private long leftOutRisks;

        void accept(Initiative initiative) {
            boolean leftOut = false;
            for (StatedRisk risk : initiative.risks()) {
                Group group = groups.get(risk);
                if (group == null && groups.size() < rules.maxStatedNotes()) {
                    group = new Group(new CappedIds(rules.maxIdsPerNote()));
                    groups.put(risk, group);
                }
                if (group == null) {
                    leftOutRisks++;
                    leftOut = true;
                    leftOutByCategory.merge(risk.category(), 1L, Long::sum);
                } else if (group.lastRecord != initiative) {
                    // The same risk stated twice by one record concerns it once.
                    group.lastRecord = initiative;
                    group.ids.add(initiative.id());
                }
            }
            if (leftOut) {
                leftOutRecords.add(initiative.id());
            }
        }

        void finish(List<RiskNote> out) {
            groups.forEach((risk, group) -> {
                String category = Display.capitalized(risk.category().name());
                String by = group.ids.count() == 1 ? group.ids.ids().get(0) : group.ids.count() + " records";
                String why = risk.note() == null || risk.note().isBlank()
                        ? "The record states a " + category.toLowerCase(java.util.Locale.ROOT)
                        + " risk without explaining it."
                        : risk.note();
                out.add(new RiskNote(rules.statedSeverity(risk.category()), risk.category().name(),
                        category + " risk stated by " + by, why, group.ids.ids(), group.ids.count(), "record"));
            });
            if (leftOutRisks > 0) {
                // The summary takes the category most of the left-out risks share, so it stays a RiskCategory name.
                RiskCategory main = leftOutByCategory.entrySet().stream()
                        .max(Map.Entry.<RiskCategory, Long>comparingByValue()
                                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                        .orElseThrow().getKey();
                out.add(new RiskNote(Severity.LOW, main.name(), "Further stated risks not listed",
                        Display.count(leftOutRisks) + " further stated " + (leftOutRisks == 1 ? "risk" : "risks") + " on "
                                + Display.initiatives(leftOutRecords.count()) + " are not listed here: the briefing"
                                + " lists at most " + rules.maxStatedNotes() + " distinct stated risks.",
                        leftOutRecords.ids(), leftOutRecords.count(), "record"));
            }
        }
    }

    private static final class KeyTally {
        private final CappedIds ids;
        private BigDecimal ownCommitted = BigDecimal.ZERO;

        KeyTally(CappedIds ids) {
            this.ids = ids;
        }
    }

    private static final class Group {
        private final CappedIds ids;
        private Initiative lastRecord;

        Group(CappedIds ids) {
            this.ids = ids;
        }
    }
}
