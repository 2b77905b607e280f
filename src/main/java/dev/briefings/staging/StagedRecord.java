package dev.briefings.staging;

import java.math.BigDecimal;
import java.util.List;

import dev.briefings.intake.Initiative;

/** What the intake makes of one item read from an input file, on its way into the workspace. */
public sealed interface StagedRecord {

    long seq();

    /**
     * @param included     whether the record matches the edition's filters
     * @param committedUsd the record's own committed (and disbursed) funding in USD, exact
     */
    record Accepted(long seq, String position, boolean included, BigDecimal committedUsd, BigDecimal proposedUsd,
                    Initiative initiative) implements StagedRecord {
    }

    /** @param id the record's id where it could be read, else null */
    record Rejected(long seq, String file, String position, String id, List<String> reasons) implements StagedRecord {
    }
}
