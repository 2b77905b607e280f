package dev.briefings.figures;

import java.math.BigDecimal;

/** Committed and proposed amounts, kept apart and never mixed. */
public record Amounts(BigDecimal committed, BigDecimal proposed) {

    public static final Amounts ZERO = new Amounts(BigDecimal.ZERO, BigDecimal.ZERO);

    public Amounts plus(Amounts other) {
        return new Amounts(committed.add(other.committed), proposed.add(other.proposed));
    }

    public Amounts minus(Amounts other) {
        return new Amounts(committed.subtract(other.committed), proposed.subtract(other.proposed));
    }
}
