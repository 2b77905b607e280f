package dev.briefings.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.briefings.history.RunHistory.Published;

/**
 * Which published briefings retention removes. Plain rules, no I/O: a briefing is kept while any configured rule
 * keeps it, and the latest nightly briefing is always kept (the next night compares with it).
 */
final class RetentionPolicy {

    private static final Comparator<Published> NEWEST_FIRST = Comparator.comparing(Published::asOf)
            .thenComparingLong(Published::revision).thenComparingLong(Published::jobInstanceId).reversed();

    private final RetentionProperties settings;

    RetentionPolicy(RetentionProperties settings) {
        this.settings = settings;
    }

    /** The briefings to remove, oldest first; none when retention is not configured. */
    List<Published> expired(List<Published> all) {
        if (!settings.configured() || all.isEmpty()) {
            return List.of();
        }
        Optional<Published> latestNightly = all.stream().filter(p -> p.edition().equals("nightly"))
                .min(NEWEST_FIRST);
        // Days count back from the latest nightly's as-of date, so the outcome follows the briefings, not the clock.
        LocalDate reference = latestNightly.map(Published::asOf)
                .orElseGet(() -> all.stream().min(NEWEST_FIRST).orElseThrow().asOf());
        Map<String, List<Published>> byEdition = new LinkedHashMap<>();
        for (Published p : all) {
            byEdition.computeIfAbsent(p.edition(), e -> new ArrayList<>()).add(p);
        }
        List<Published> expired = new ArrayList<>();
        for (List<Published> edition : byEdition.values()) {
            edition.sort(NEWEST_FIRST);
            for (int rank = 0; rank < edition.size(); rank++) {
                Published p = edition.get(rank);
                boolean keptByRuns = settings.keepRuns() != null && rank < settings.keepRuns();
                boolean keptByDays = settings.keepDays() != null
                        && !p.asOf().isBefore(reference.minusDays(settings.keepDays()));
                boolean latest = latestNightly.isPresent() && latestNightly.get().jobInstanceId() == p.jobInstanceId();
                if (!keptByRuns && !keptByDays && !latest) {
                    expired.add(p);
                }
            }
        }
        expired.sort(NEWEST_FIRST.reversed());
        return List.copyOf(expired);
    }
}
