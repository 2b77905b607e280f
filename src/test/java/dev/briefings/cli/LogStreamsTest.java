package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Standard output carries the summary alone; log lines go to standard error. */
@ExtendWith(OutputCaptureExtension.class)
class LogStreamsTest {

    @TempDir
    Path tmp;

    @Test
    void logLinesGoToStandardErrorAndTheSummaryToStandardOutput(CapturedOutput output) throws Exception {
        Path input = CliRun.copyResource("e2e/input", tmp.resolve("input"));
        CliRun run = CliRun.of("run", "--input", input.toString(), "--output", tmp.resolve("out").toString(),
                "--data", tmp.resolve("data").toString(), "--as-of", "2025-10-31");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Wrote the briefing 2025-10-31 / nightly");
        // The process's own streams: the compose step's INFO line is on stderr, and nothing is on stdout.
        assertThat(output.getErr()).contains("PDF rendered in");
        assertThat(output.getOut()).doesNotContain("PDF rendered in").doesNotContain(" INFO ");
    }
}
