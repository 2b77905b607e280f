package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention through the command line: after a nightly, and on its own with --dry-run. */
class RetentionCommandTest {

    @TempDir
    Path tmp;

    @AfterEach
    void clearSettings() {
        System.clearProperty("briefings.retention.keep-runs");
    }

    private CliRun nightly(Path input, String asOf) {
        return CliRun.of("run", "--input", input.toString(), "--output", tmp.resolve("out").resolve(asOf).toString(),
                "--data", tmp.resolve("data").toString(), "--as-of", asOf);
    }

    @Test
    void aNightlyRemovesWhatRetentionNoLongerKeepsAndADryRunOnlyLists() throws Exception {
        Path input = CliRun.copyResource("e2e/input", tmp.resolve("input"));
        System.setProperty("briefings.retention.keep-runs", "2");
        for (String asOf : new String[] {"2025-10-01", "2025-10-02"}) {
            CliRun run = nightly(input, asOf);
            assertThat(run.code()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Retention: nothing to remove.");
        }
        CliRun third = nightly(input, "2025-10-03");
        assertThat(third.code()).as(third.toString()).isZero();
        assertThat(third.out()).contains("Retention removed 1 briefing:", "2025-10-01 / nightly (revision 1)");
        assertThat(tmp.resolve("out/2025-10-01")).doesNotExist();
        assertThat(tmp.resolve("out/2025-10-02/manifest.json")).exists();
        assertThat(tmp.resolve("out/2025-10-03/manifest.json")).exists();

        // Keeping one run: a dry run lists 10-02 and removes nothing.
        System.setProperty("briefings.retention.keep-runs", "1");
        CliRun dry = CliRun.of("retention", "--dry-run", "--data", tmp.resolve("data").toString());
        assertThat(dry.code()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("Retention would remove 1 briefing:", "2025-10-02 / nightly")
                .doesNotContain("2025-10-03");
        assertThat(tmp.resolve("out/2025-10-02/manifest.json")).exists();

        CliRun applied = CliRun.of("retention", "--data", tmp.resolve("data").toString());
        assertThat(applied.out()).contains("Retention removed 1 briefing:", "2025-10-02 / nightly");
        assertThat(tmp.resolve("out/2025-10-02")).doesNotExist();
        assertThat(tmp.resolve("out/2025-10-03/manifest.json")).exists();

        // The history went too: the removed night runs again instead of being "already written".
        System.clearProperty("briefings.retention.keep-runs");
        CliRun again = nightly(input, "2025-10-01");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Wrote the briefing").doesNotContain("already");
        assertThat(Files.exists(tmp.resolve("out/2025-10-01/manifest.json"))).isTrue();
    }

    @Test
    void withoutSettingsEverythingIsKept() {
        CliRun run = CliRun.of("retention", "--dry-run", "--data", tmp.resolve("data").toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Retention is not configured");
    }
}
