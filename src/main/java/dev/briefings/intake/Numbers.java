package dev.briefings.intake;

import java.math.BigDecimal;

final class Numbers {

    private Numbers() {
    }

    /** Plain notation for ordinary numbers; scientific for extreme exponents so a message stays short. */
    static String display(BigDecimal value) {
        int magnitude = value.precision() - value.scale();
        String text = magnitude > -30 && magnitude < 40 && value.scale() < 40 ? value.toPlainString() : value.toString();
        return IntakeJson.clip(text);
    }
}
