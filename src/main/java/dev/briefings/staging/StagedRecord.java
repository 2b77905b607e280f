package dev.briefings.staging;

import java.math.BigDecimal;
import java.util.List;

import dev.briefings.intake.Initiative;

/** What the intake makes of one item read from an input file. */
public sealed interface StagedRecord {

    long seq();

    /**
     * @param included  whether the record matches the edition's filters
     * @param hash      a digest of the record's content, to tell changed records from unchanged ones
     * @param committedUsd the record's own committed (and disbursed) funding in USD, exact
     * @param json      the record in its staged JSON form ({@link dev.briefings.intake.InitiativeJson})
     */
    record Accepted(long seq, String position, boolean included, BigDecimal committedUsd, BigDecimal proposedUsd,
                    String hash, Initiative initiative, String json) implements StagedRecord {
    }

    /** @param id the record's id where it could be read, else null */
    record Rejected(long seq, String file, String position, String id, List<String> reasons) implements StagedRecord {
    }
}
