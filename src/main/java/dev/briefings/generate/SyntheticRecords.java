package dev.briefings.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

import dev.briefings.intake.FundingLine;
import dev.briefings.intake.FundingStatus;
import dev.briefings.intake.FundingType;
import dev.briefings.intake.Initiative;
import dev.briefings.intake.InitiativeKind;
import dev.briefings.intake.InitiativeStatus;
import dev.briefings.intake.Organization;
import dev.briefings.intake.RiskCategory;
import dev.briefings.intake.Source;
import dev.briefings.intake.Stage;
import dev.briefings.intake.StatedRisk;

/**
 * Builds synthetic record number {@code index} as a pure function of (seed, index). Because no record depends on
 * state left by the one before, a file of any length is produced with flat memory, and a child can rebuild its
 * parent to keep its funding inside the parent's.
 */
final class SyntheticRecords {

    static final List<String> CURRENCIES = List.of("USD", "AUD", "JPY", "EUR");

    private static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    private static final BigDecimal MIN_AMOUNT = new BigDecimal("10000");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("2000000000");
    private static final double LOG_MIN = StrictMath.log(10_000d);
    private static final double LOG_MAX = StrictMath.log(2_000_000_000d);
    private static final int PART_OF_PERCENT = 5;
    private static final int NONBINDING_PERCENT = 20;

    private static final List<Integer> ORG_INDEXES = indexes(Vocabulary.ORGANIZATIONS.size());

    private final long seed;

    SyntheticRecords(long seed) {
        this.seed = seed;
    }

    static String id(long index) {
        return String.format("syn-%09d", index + 1);
    }

    Initiative record(long index) {
        // Golden-ratio stride spreads neighbouring indexes over the seed space.
        var rnd = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        String id = id(index);
        InitiativeKind kind = pick(rnd, List.of(InitiativeKind.values()));
        LocalDate announced = FIRST_DAY.plusDays(rnd.nextLong(LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1));
        List<String> parties = parties(rnd);
        List<Stage> stages = distinct(rnd, List.of(Stage.values()), 1 + rnd.nextInt(3));
        List<String> minerals = distinct(rnd, Vocabulary.MINERALS, 1 + rnd.nextInt(3));
        String title = pick(rnd, Vocabulary.TITLE_WORDS) + " " + minerals.get(0) + " " + noun(kind, stages.get(0));
        List<Source> sources = sources(rnd, id, announced);
        String summary = rnd.nextInt(10) < 7
                ? "Synthetic " + kind.name().toLowerCase().replace('_', ' ') + " covering " + String.join(", ", minerals) + "."
                : null;
        List<Organization> organizations = organizations(rnd);
        List<String> places = Vocabulary.LOCATIONS.get(parties.get(0));
        String location = places != null && rnd.nextBoolean() ? pick(rnd, places) : null;
        InitiativeStatus status = pick(rnd, List.of(InitiativeStatus.values()));
        boolean binding = rnd.nextInt(100) >= NONBINDING_PERCENT;
        String partOf = null;
        List<FundingLine> funding;
        if (index > 0 && rnd.nextInt(100) < PART_OF_PERCENT) {
            long parent = rnd.nextLong(index);
            partOf = id(parent);
            funding = childFunding(rnd, record(parent).funding());
        } else {
            funding = funding(rnd);
        }
        List<StatedRisk> risks = risks(rnd, binding);
        List<String> tags = distinct(rnd, Vocabulary.TAGS, rnd.nextInt(4));
        return new Initiative(id, title, kind, announced, parties, stages, sources, summary, minerals, organizations,
                location, status, binding, partOf, funding, risks, tags);
    }

    private static String noun(InitiativeKind kind, Stage stage) {
        return switch (kind) {
            case PARTNERSHIP -> "supply partnership";
            case FEDERAL_PROGRAM -> "funding program";
            case LEGISLATION -> "supply act";
            case RESEARCH_AGREEMENT -> "research agreement";
            case STOCKPILE -> "stockpile purchase";
            case PRIVATE_PROJECT -> switch (stage) {
                case MINING -> "mine";
                case MAGNETS -> "magnet plant";
                case RECYCLING -> "recycling plant";
                default -> "processing project";
            };
        };
    }

    private static List<String> parties(SplittableRandom rnd) {
        // Most records are U.S.-linked, as in the curated sample.
        var chosen = new LinkedHashSet<String>();
        if (rnd.nextInt(10) < 8) {
            chosen.add("US");
        }
        int wanted = 1 + rnd.nextInt(3);
        while (chosen.size() < wanted) {
            chosen.add(pick(rnd, Vocabulary.PARTIES));
        }
        return List.copyOf(chosen);
    }

    private static List<Source> sources(SplittableRandom rnd, String id, LocalDate announced) {
        int count = 1 + rnd.nextInt(2);
        var sources = new ArrayList<Source>(count);
        for (int n = 1; n <= count; n++) {
            LocalDate published = min(announced.plusDays(rnd.nextInt(30)), LAST_DAY);
            String url = "https://news.example.com/" + published.getYear() + "/" + id + "-" + n;
            String title = rnd.nextBoolean() ? "Report on " + id : null;
            sources.add(new Source(url, pick(rnd, Vocabulary.PUBLISHERS), published, title));
        }
        return sources;
    }

    private static List<Organization> organizations(SplittableRandom rnd) {
        int count = rnd.nextInt(3);
        var orgs = new ArrayList<Organization>(count);
        for (int which : distinct(rnd, ORG_INDEXES, count)) {
            String name = Vocabulary.ORGANIZATIONS.get(which);
            String role = rnd.nextInt(10) < 7 ? pick(rnd, Vocabulary.ROLES) : null;
            String ticker = which < Vocabulary.COMPANY_COUNT && rnd.nextInt(10) == 0 ? ticker(name) : null;
            orgs.add(new Organization(name, role, ticker));
        }
        return orgs;
    }

    private static String ticker(String name) {
        var letters = new StringBuilder();
        for (String word : name.split(" ")) {
            letters.append(Character.toUpperCase(word.charAt(0)));
        }
        return "NYSE: " + letters;
    }

    private static List<Integer> indexes(int size) {
        var all = new ArrayList<Integer>(size);
        for (int i = 0; i < size; i++) {
            all.add(i);
        }
        return List.copyOf(all);
    }

    private static List<FundingLine> funding(SplittableRandom rnd) {
        int count = rnd.nextInt(4);
        var lines = new ArrayList<FundingLine>(count);
        for (int i = 0; i < count; i++) {
            String currency = rnd.nextInt(10) < 6 ? "USD" : pick(rnd, CURRENCIES.subList(1, CURRENCIES.size()));
            lines.add(line(rnd, amount(rnd, currency), currency));
        }
        return lines;
    }

    /** One line in the parent's first currency, 5–30% of the parent's first line, so the carve-out fits. */
    private static List<FundingLine> childFunding(SplittableRandom rnd, List<FundingLine> parentFunding) {
        if (parentFunding.isEmpty() || rnd.nextInt(5) == 0) {
            return List.of();
        }
        FundingLine first = parentFunding.get(0);
        BigDecimal share = BigDecimal.valueOf(5 + rnd.nextInt(26), 2);
        BigDecimal amount = first.amount().multiply(share)
                .setScale(first.amount().scale(), RoundingMode.HALF_UP)
                .max(MIN_AMOUNT.setScale(first.amount().scale()))
                .min(first.amount());
        return List.of(line(rnd, amount, first.currency()));
    }

    private static FundingLine line(SplittableRandom rnd, BigDecimal amount, String currency) {
        int s = rnd.nextInt(20);
        FundingStatus status = s < 10 ? FundingStatus.COMMITTED : s < 17 ? FundingStatus.PROPOSED : FundingStatus.DISBURSED;
        FundingType type = rnd.nextInt(10) < 8 ? pick(rnd, List.of(FundingType.values())) : null;
        String note = rnd.nextInt(5) == 0 ? "Synthetic " + status.name().toLowerCase() + " line." : null;
        return new FundingLine(amount, currency, status, type, note);
    }

    /** Log-uniform between 10,000 and 2,000,000,000: cents, except whole yen (JPY has no minor unit). */
    private static BigDecimal amount(SplittableRandom rnd, String currency) {
        // StrictMath keeps the bytes identical on every JVM and CPU.
        double value = StrictMath.exp(LOG_MIN + rnd.nextDouble() * (LOG_MAX - LOG_MIN));
        int scale = "JPY".equals(currency) ? 0 : 2;
        BigDecimal amount = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
        return amount.max(MIN_AMOUNT.setScale(scale)).min(MAX_AMOUNT.setScale(scale));
    }

    private static List<StatedRisk> risks(SplittableRandom rnd, boolean binding) {
        var risks = new ArrayList<StatedRisk>();
        if (!binding && rnd.nextBoolean()) {
            risks.add(risk(rnd, RiskCategory.NONBINDING));
        }
        int more = rnd.nextInt(3);
        for (int i = 0; i < more; i++) {
            risks.add(risk(rnd, pick(rnd, List.of(RiskCategory.values()))));
        }
        return risks;
    }

    private static StatedRisk risk(SplittableRandom rnd, RiskCategory category) {
        return new StatedRisk(category, pick(rnd, Vocabulary.RISK_NOTES.get(category)));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    private static <T> T pick(SplittableRandom rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    /** {@code count} distinct elements in draw order; {@code count} is small next to the list. */
    private static <T> List<T> distinct(SplittableRandom rnd, List<T> from, int count) {
        var chosen = new LinkedHashSet<T>();
        while (chosen.size() < count) {
            chosen.add(pick(rnd, from));
        }
        return List.copyOf(chosen);
    }
}
