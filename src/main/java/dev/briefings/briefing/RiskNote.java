package dev.briefings.briefing;

import java.util.List;

/**
 * A risk note: what fired, how severe, why (in words, with the figures that made it fire), and which
 * initiatives it concerns ({@code initiativeIds} is capped; {@code initiativeCount} is the full count).
 *
 * @param origin "rule:&lt;rule id&gt;" for a rule from templates/risk-rules.json, "record" for a risk a record states
 */
public record RiskNote(
        Severity severity,
        String category,
        String title,
        String why,
        List<String> initiativeIds,
        long initiativeCount,
        String origin) {

    public enum Severity {
        HIGH, MEDIUM, LOW
    }
}
