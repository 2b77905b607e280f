package dev.briefings.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.briefings.history.RunHistory.Published;

class RetentionPolicyTest {

    private static Published nightly(long id, String asOf) {
        return new Published(id, LocalDate.parse(asOf), "nightly", 1, Path.of("out", asOf, "nightly"));
    }

    private static Published adHoc(long id, String asOf, String edition) {
        return new Published(id, LocalDate.parse(asOf), edition, 1, Path.of("out", asOf, edition));
    }

    private static List<Long> expired(Integer days, Integer runs, Published... all) {
        return new RetentionPolicy(new RetentionProperties(days, runs)).expired(List.of(all)).stream()
                .map(Published::jobInstanceId).toList();
    }

    @Test
    void unconfiguredKeepsEverything() {
        assertThat(expired(null, null, nightly(1, "2025-01-01"), nightly(2, "2025-01-02"))).isEmpty();
    }

    @Test
    void keepRunsKeepsTheNewestOfEachEdition() {
        assertThat(expired(null, 2,
                nightly(1, "2025-10-01"), nightly(2, "2025-10-02"), nightly(3, "2025-10-03"),
                adHoc(4, "2025-10-01", "party-au"), adHoc(5, "2025-10-03", "party-au"), adHoc(6, "2025-10-02", "party-au"),
                adHoc(7, "2025-09-01", "stage-mining")))
                .as("oldest first: nightly 10-01, then party-au 10-01")
                .containsExactly(1L, 4L);
    }

    @Test
    void keepDaysCountsBackFromTheLatestNightlyAsOfDate() {
        // Latest nightly 2025-10-31; keep 30 days: as-of 2025-10-01 and later stay, 2025-09-30 goes.
        assertThat(expired(30, null, nightly(1, "2025-09-30"), nightly(2, "2025-10-01"), nightly(3, "2025-10-31"),
                adHoc(4, "2025-09-15", "party-au"), adHoc(5, "2025-11-05", "party-au")))
                .containsExactly(4L, 1L);
    }

    @Test
    void eitherRuleKeepsABriefing() {
        // keep 1 run or 10 days: 10-25 is within 10 days of 10-31, 10-01 within neither.
        assertThat(expired(10, 1, nightly(1, "2025-10-01"), nightly(2, "2025-10-25"), nightly(3, "2025-10-31")))
                .containsExactly(1L);
    }

    @Test
    void theLatestNightlyIsAlwaysKept() {
        // Zero days keeps only the reference date; the latest nightly is kept even when a later ad hoc exists.
        assertThat(expired(0, null, nightly(1, "2025-10-30"), nightly(2, "2025-10-31"), adHoc(3, "2025-10-30", "x")))
                .as("oldest first; on the same date, the earlier run first").containsExactly(1L, 3L);
        assertThat(expired(null, 1, nightly(1, "2025-10-31"))).isEmpty();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new RetentionProperties(-1, null)).hasMessageContaining("keep-days");
        assertThatThrownBy(() -> new RetentionProperties(null, 0)).hasMessageContaining("keep-runs");
    }
}
