package dev.briefings.job;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.briefings.risk.ContextFigure;
import dev.briefings.risk.MarketContext;

/** The market context of a run: the file when there is one, otherwise none (the rules that need it stay quiet). */
final class MarketContexts {

    private MarketContexts() {
    }

    static MarketContext load(Path file) {
        return Files.exists(file) ? MarketContext.load(file) : new MarketContext(null, Set.of(), List.of());
    }

    /** "60.0% (AInvest, 2025-10-31)". */
    static String describe(ContextFigure f) {
        String value = "share".equalsIgnoreCase(f.unit())
                ? f.value().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_EVEN) + "%"
                : f.value().toPlainString() + (f.unit() == null ? "" : " " + f.unit());
        if (f.source() == null) {
            return value;
        }
        return value + " (" + f.source().publisher() + ", " + f.source().published() + ")";
    }
}
