package dev.briefings.briefing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Changes since the previous successful nightly briefing. {@code previousAsOf} is null when there is none
 * (the first briefing); then every list is empty. Lists are capped; the counts are complete.
 */
public record Changes(
        LocalDate previousAsOf,
        List<Change> added,
        long addedCount,
        List<Change> changed,
        long changedCount,
        List<Change> removed,
        long removedCount,
        BigDecimal previousCommittedUsd,
        BigDecimal committedDeltaUsd) {

    public boolean hasPrevious() {
        return previousAsOf != null;
    }

    /** @param committedDeltaUsd the change in the initiative's own committed funding (0 when unchanged) */
    public record Change(String id, String title, BigDecimal committedDeltaUsd) {
    }
}
