package dev.briefings.briefing;

import java.util.List;

/** Rejected records, capped for display; {@code count} is complete and rejects.json lists all. */
public record RejectSummary(long count, List<Rejected> sample) {

    public record Rejected(String file, String position, String id, List<String> reasons) {
    }
}
