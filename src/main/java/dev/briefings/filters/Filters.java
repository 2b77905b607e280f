package dev.briefings.filters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.briefings.intake.Initiative;
import dev.briefings.intake.InitiativeKind;
import dev.briefings.intake.Stage;

/**
 * The filters of an ad hoc edition. Values within one filter are alternatives; different filters must all
 * match. Lists are sorted and upper-cased (minerals lower-cased) so that equal requests are one briefing.
 */
public record Filters(List<String> parties, List<String> stages, List<String> kinds, List<String> minerals) {

    public static final Filters NONE = new Filters(List.of(), List.of(), List.of(), List.of());

    /** The filter names, as in {@link #canonical()}. */
    private static final String PARTY = "party";
    private static final String STAGE = "stage";
    private static final String KIND = "kind";
    private static final String MINERAL = "mineral";

    /**
     * A value a user must fix: which filter it was given for ("party", "stage" or "kind") and what is wrong with it,
     * e.g. "'MINNING' is not one of MINING, ...". Each front words the filter its own way (an option, a field).
     */
    public record Problem(String filter, String message) {
    }

    public Filters {
        parties = normalise(parties, true);
        stages = normalise(stages, true);
        kinds = normalise(kinds, true);
        minerals = normalise(minerals, false);
    }

    private static List<String> normalise(List<String> values, boolean upper) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(String::trim).filter(v -> !v.isEmpty())
                .map(v -> upper ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT))
                .distinct().sorted().toList();
    }

    public boolean isEmpty() {
        return parties.isEmpty() && stages.isEmpty() && kinds.isEmpty() && minerals.isEmpty();
    }

    /** Whether a record is in this edition's scope. */
    public boolean matches(Initiative i) {
        return (parties.isEmpty() || i.parties().stream().anyMatch(parties::contains))
                && (stages.isEmpty() || i.stages().stream().anyMatch(s -> stages.contains(s.name())))
                && (kinds.isEmpty() || kinds.contains(i.kind().name()))
                && (minerals.isEmpty() || i.minerals().stream()
                .anyMatch(m -> minerals.contains(m.toLowerCase(Locale.ROOT))));
    }

    /** Values that name no country, stage or kind, in filter order. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        var countries = Set.of(Locale.getISOCountries());
        parties.stream().filter(p -> !countries.contains(p)).forEach(p -> problems.add(new Problem(PARTY,
                "'" + p + "' is not an ISO 3166-1 alpha-2 country code (e.g. US, AU, JP)")));
        stages.stream().filter(s -> !isEnum(Stage.class, s)).forEach(s ->
                problems.add(new Problem(STAGE, "'" + s + "' is not one of " + names(Stage.class))));
        kinds.stream().filter(k -> !isEnum(InitiativeKind.class, k)).forEach(k ->
                problems.add(new Problem(KIND, "'" + k + "' is not one of " + names(InitiativeKind.class))));
        return problems;
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** A stable text form, e.g. "party=AU,JP;stage=MINING". */
    public String canonical() {
        List<String> parts = new ArrayList<>();
        add(parts, PARTY, parties);
        add(parts, STAGE, stages);
        add(parts, KIND, kinds);
        add(parts, MINERAL, minerals);
        return String.join(";", parts);
    }

    private static void add(List<String> parts, String name, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(name + "=" + String.join(",", values));
        }
    }

    public static Filters parse(String canonical) {
        List<String> parties = List.of(), stages = List.of(), kinds = List.of(), minerals = List.of();
        if (canonical != null && !canonical.isBlank()) {
            for (String part : canonical.split(";")) {
                String[] kv = part.split("=", 2);
                List<String> values = List.of(kv[1].split(","));
                switch (kv[0]) {
                    case PARTY -> parties = values;
                    case STAGE -> stages = values;
                    case KIND -> kinds = values;
                    case MINERAL -> minerals = values;
                    default -> throw new IllegalArgumentException("unknown filter " + kv[0]);
                }
            }
        }
        return new Filters(parties, stages, kinds, minerals);
    }

    /** For an edition folder name: lower-case, only [a-z0-9-_], e.g. "party-au-jp_stage-mining". */
    public String slug() {
        String s = canonical().toLowerCase(Locale.ROOT).replace('=', '-').replace(',', '-').replace(';', '_')
                .replaceAll("[^a-z0-9_-]+", "-");
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    /** In words for the cover, e.g. "Parties: AU, JP · Stages: MINING". */
    public String describe() {
        if (isEmpty()) {
            return "All records";
        }
        List<String> parts = new ArrayList<>();
        if (!parties.isEmpty()) parts.add("Parties: " + String.join(", ", parties));
        if (!stages.isEmpty()) parts.add("Stages: " + String.join(", ", stages));
        if (!kinds.isEmpty()) parts.add("Kinds: " + String.join(", ", kinds));
        if (!minerals.isEmpty()) parts.add("Minerals: " + String.join(", ", minerals));
        return String.join(" · ", parts);
    }
}
