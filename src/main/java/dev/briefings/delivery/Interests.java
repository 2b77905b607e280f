package dev.briefings.delivery;

import java.util.List;

import dev.briefings.filters.Filters;

/**
 * What a recipient follows. Normalised like the run's filters (codes upper-case, minerals lower-case, each list
 * sorted and without repeats), so that equal interests are one edition, computed once.
 */
public record Interests(List<String> parties, List<String> stages, List<String> kinds, List<String> minerals) {

    public static final Interests ALL = new Interests(List.of(), List.of(), List.of(), List.of());

    public Interests {
        var same = new Filters(parties, stages, kinds, minerals);
        parties = same.parties();
        stages = same.stages();
        kinds = same.kinds();
        minerals = same.minerals();
    }

    /** The filters of the edition these interests ask for. */
    public Filters filters() {
        return new Filters(parties, stages, kinds, minerals);
    }

    public boolean isEmpty() {
        return parties.isEmpty() && stages.isEmpty() && kinds.isEmpty() && minerals.isEmpty();
    }
}
