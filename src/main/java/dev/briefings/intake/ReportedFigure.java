package dev.briefings.intake;

import java.math.BigDecimal;

/**
 * The figure a source states for an initiative, as the curator read it ({@code sources[].reported}): an amount in
 * major units of its currency and an optional note on how to read it ("at least", "combined"). Never counted in
 * totals; the briefing compares it with the record's funding and with the other sources' figures.
 */
public record ReportedFigure(BigDecimal amount, String currency, String note) {
}
