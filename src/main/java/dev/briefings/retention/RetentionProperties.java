package dev.briefings.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long published briefings (their run folders and their history) are kept. Unset: kept forever. With both
 * set, a briefing stays while either keeps it.
 *
 * @param keepDays briefings whose as-of date is at most this many days before the latest nightly's are kept
 * @param keepRuns the newest this many briefings of each edition are kept
 */
@ConfigurationProperties("briefings.retention")
public record RetentionProperties(Integer keepDays, Integer keepRuns) {

    public RetentionProperties {
        if (keepDays != null && keepDays < 0) {
            throw new IllegalArgumentException("briefings.retention.keep-days must be 0 or more, not " + keepDays);
        }
        if (keepRuns != null && keepRuns < 1) {
            throw new IllegalArgumentException("briefings.retention.keep-runs must be 1 or more, not " + keepRuns);
        }
    }

    public boolean configured() {
        return keepDays != null || keepRuns != null;
    }
}
