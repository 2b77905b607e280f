package dev.briefings.delivery;

import java.util.List;
import java.util.Locale;

/**
 * What a recipient follows. Normalised like the run's filters (codes upper-case, minerals lower-case, each list
 * sorted and without repeats), so that equal interests are one edition, computed once.
 */
public record Interests(List<String> parties, List<String> stages, List<String> kinds, List<String> minerals) {

    public static final Interests ALL = new Interests(List.of(), List.of(), List.of(), List.of());

    public Interests {
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
}
