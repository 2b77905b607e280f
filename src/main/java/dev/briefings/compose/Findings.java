package dev.briefings.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import dev.briefings.briefing.DataQualityNote;

/**
 * One kind of data-quality finding: the best candidates to list (most important first, never more than the briefing
 * can list), how many were found in all, and the note that stands for the ones not listed.
 *
 * @param more makes the note for the given number of unlisted findings
 */
record Findings(List<DataQualityNote> best, long count, LongFunction<DataQualityNote> more) {

    Findings {
        best = List.copyOf(best);
    }

    /**
     * The notes the briefing lists: at most {@code slots} findings, shared out one at a time among the kinds in
     * their order so that every kind with findings is seen, then one note per kind for the findings left out.
     */
    static List<DataQualityNote> listed(List<Findings> kinds, int slots) {
        int[] shares = new int[kinds.size()];
        int left = slots;
        boolean gave = true;
        while (left > 0 && gave) {
            gave = false;
            for (int k = 0; k < kinds.size() && left > 0; k++) {
                if (shares[k] < kinds.get(k).best().size()) {
                    shares[k]++;
                    left--;
                    gave = true;
                }
            }
        }
        List<DataQualityNote> notes = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            Findings f = kinds.get(k);
            notes.addAll(f.best().subList(0, shares[k]));
            if (f.count() > shares[k]) {
                notes.add(f.more().apply(f.count() - shares[k]));
            }
        }
        return notes;
    }
}
