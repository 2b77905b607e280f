package dev.briefings.risk;

import java.math.BigDecimal;
import java.util.Objects;

import dev.briefings.intake.Source;

/**
 * One market-context figure, e.g. China's share of rare-earth processing.
 *
 * @param unit "share" for a fraction 0..1 (shown as a percentage); otherwise a unit shown after the value
 * @param note optional remark on the figure; may be null
 */
public record ContextFigure(String key, String label, BigDecimal value, String unit, String note, Source source) {

    public ContextFigure {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
    }

    /** The value for display: "60.0%" for a share, else e.g. "12000 tonnes". */
    public String displayValue() {
        return Display.figure(value, unit);
    }

    /** The value with its source for the methodology section, e.g. "60.0% (IEA, 2025-10-31)". */
    public String describe() {
        return displayValue() + " (" + Display.source(source) + ")";
    }
}
