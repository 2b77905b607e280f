package dev.briefings.risk;

import java.util.ArrayList;
import java.util.List;

/** The first {@code cap} ids met and the full count: what a note needs without holding every initiative. */
final class CappedIds {

    private final int cap;
    private final List<String> ids = new ArrayList<>();
    private long count;

    CappedIds(int cap) {
        this.cap = cap;
    }

    /** Counts the id and keeps it if there is room. */
    void add(String id) {
        count++;
        if (ids.size() < cap) {
            ids.add(id);
        }
    }

    List<String> ids() {
        return List.copyOf(ids);
    }

    long count() {
        return count;
    }
}
