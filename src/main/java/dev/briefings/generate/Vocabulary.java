package dev.briefings.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.briefings.intake.RiskCategory;

/** Word lists the synthetic records draw from. Immutable; order matters for determinism. */
final class Vocabulary {

    /** The U.S. first, then partners, plus a few producers outside the usual alliances for variety. */
    static final List<String> PARTIES = List.of(
            "US", "AU", "JP", "CA", "GB", "KR", "DE", "FR", "IN", "SA", "AE", "UA", "BR", "CL", "ZA");

    static final List<String> MINERALS = List.of(
            "rare earths", "NdPr", "dysprosium", "terbium", "lithium", "graphite", "cobalt", "nickel", "gallium",
            "germanium", "antimony", "tungsten", "copper", "manganese", "scandium");

    private static final List<String> ORG_PREFIXES = List.of(
            "Northstar", "Red Rock", "Blue Ridge", "Pacific", "Atlas", "Granite", "Summit", "Frontier", "Silver Creek",
            "Ironwood", "Cobalt Bay", "Meridian", "Westbrook", "Highland", "Aurora", "Lakeshore", "Canyon", "Polaris",
            "Redwood", "Harbor");
    private static final List<String> ORG_SUFFIXES = List.of(
            "Minerals", "Metals", "Rare Earths", "Resources", "Magnetics", "Materials", "Recycling", "Mining",
            "Refining");
    /** Japanese names on purpose: briefings must render non-Latin text. */
    private static final List<String> JAPANESE_ORGS = List.of(
            "経済産業省 (METI)", "独立行政法人エネルギー・金属鉱物資源機構 (JOGMEC)", "国際協力銀行 (JBIC)",
            "双日株式会社 (Sojitz)", "三菱商事 (Mitsubishi Corporation)", "住友金属鉱山 (Sumitomo Metal Mining)",
            "信越化学工業 (Shin-Etsu Chemical)", "豊田通商 (Toyota Tsusho)", "日本貿易保険 (NEXI)",
            "三井物産 (Mitsui & Co.)", "丸紅 (Marubeni)", "日本政策投資銀行 (DBJ)", "大同特殊鋼 (Daido Steel)");
    private static final List<String> AGENCIES = List.of(
            "U.S. Department of Energy", "U.S. Department of War", "Defense Logistics Agency",
            "Export-Import Bank of the United States", "U.S. International Development Finance Corporation",
            "Export Finance Australia", "Natural Resources Canada", "KfW");

    /** About 200 names: the combinations, the Japanese names and the agencies. */
    static final List<String> ORGANIZATIONS = organizations();
    /** Listed-company candidates: only these may get a (made-up) ticker. */
    static final int COMPANY_COUNT = ORG_PREFIXES.size() * ORG_SUFFIXES.size();

    static final List<String> ROLES = List.of(
            "operator", "funder", "lender", "offtaker", "research partner", "co-lead", "equity investor", "supplier");

    static final List<String> PUBLISHERS = List.of(
            "Reuters", "Bloomberg", "dpa-AFX", "Fastmarkets", "Argus Media", "Mining Weekly", "The Northern Miner",
            "PR Newswire", "GlobeNewswire", "AInvest", "Nikkei Asia", "Australian Financial Review",
            "U.S. Department of Energy", "rawmaterials.net");

    static final List<String> TITLE_WORDS = List.of(
            "Aurora", "Basin", "Crescent", "Delta", "Eagle", "Falcon", "Glacier", "Horizon", "Juniper", "Keystone",
            "Liberty", "Mesa", "Nova", "Orion", "Pinnacle", "Quartz", "Ridge", "Sierra", "Tundra", "Vanguard");

    static final Map<String, List<String>> LOCATIONS = Map.ofEntries(
            Map.entry("US", List.of("Nevada", "Wyoming", "Texas", "California", "Utah", "Oklahoma", "Louisiana")),
            Map.entry("AU", List.of("Western Australia", "Northern Territory", "Queensland")),
            Map.entry("JP", List.of("Tokyo", "Osaka", "Kitakyushu")),
            Map.entry("CA", List.of("Quebec", "Ontario", "Saskatchewan")),
            Map.entry("SA", List.of("Ras Al-Khair", "Riyadh")),
            Map.entry("BR", List.of("Minas Gerais", "Goiás")),
            Map.entry("CL", List.of("Atacama")),
            Map.entry("ZA", List.of("Northern Cape")));

    static final List<String> TAGS = List.of(
            "magnets", "allied-supply", "offtake", "price-floor", "stockpile", "loans", "grants", "recycling",
            "battery", "defense", "synthetic");

    static final Map<RiskCategory, List<String>> RISK_NOTES = Map.of(
            RiskCategory.PERMITTING, List.of("Permits not yet filed.", "Environmental review pending."),
            RiskCategory.TECHNOLOGY, List.of("First-of-a-kind process.", "Pilot not yet scaled."),
            RiskCategory.NONBINDING, List.of("Memorandum of understanding only.", "Letter of interest, not a commitment."),
            RiskCategory.CONCENTRATION, List.of("Single feedstock supplier.", "Depends on one offtaker."),
            RiskCategory.POLICY, List.of("Depends on tax credits that may lapse.", "Export controls may change."),
            RiskCategory.MARKET, List.of("Prices below break-even.", "Offtake price not fixed."),
            RiskCategory.EXECUTION, List.of("Cost overruns reported.", "Schedule slipped a year."));

    private Vocabulary() {
    }

    private static List<String> organizations() {
        var names = new ArrayList<String>();
        for (String prefix : ORG_PREFIXES) {
            for (String suffix : ORG_SUFFIXES) {
                names.add(prefix + " " + suffix);
            }
        }
        names.addAll(JAPANESE_ORGS);
        names.addAll(AGENCIES);
        return List.copyOf(names);
    }
}
