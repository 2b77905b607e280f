package dev.briefings.staging;

import java.math.BigDecimal;

import dev.briefings.intake.Initiative;

/**
 * An accepted record as read back from the workspace.
 *
 * @param hash a digest of the record's staged content, to tell changed records from unchanged ones between runs
 */
public record StagedInitiative(long seq, String position, boolean included, BigDecimal committedUsd,
                               BigDecimal proposedUsd, String hash, Initiative initiative) {
}
