package dev.briefings.briefing;

import java.math.BigDecimal;
import java.util.List;

/**
 * Funding split along one dimension. Rows are sorted by committed amount, largest first.
 * The rows' committed amounts sum exactly to {@code committedTotal}, and likewise for proposed.
 */
public record Breakdown(Dimension dimension, List<BreakdownRow> rows, BigDecimal committedTotal, BigDecimal proposedTotal) {

    /**
     * @param key           the raw key (an enum name, a country code, a year, an organization name)
     * @param label         the key for display (e.g. "Processing", "AU Australia", "2025")
     * @param committedShare committedUsd / committedTotal, 0..1 (0 when the total is 0); for display only
     */
    public record BreakdownRow(String key, String label, BigDecimal committedUsd, BigDecimal proposedUsd,
                               BigDecimal committedShare) {
    }
}
