package dev.briefings.figures;

import java.math.BigDecimal;

/** A record's own funding in USD, exact (unrounded), and where it is credited. */
public record FundedRecord(String id, FigureKeys keys, BigDecimal committedUsd, BigDecimal proposedUsd) {

    public boolean hasFunding() {
        return committedUsd.signum() != 0 || proposedUsd.signum() != 0;
    }
}
