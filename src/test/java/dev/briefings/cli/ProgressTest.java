package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long runs say on stderr how far they got: records, rate and step; short runs stay quiet. */
class ProgressTest {

    @TempDir
    Path tmp;

    @Test
    void aRunShowsRecordsAndTheStepAtEveryInterval() {
        Path synthetic = tmp.resolve("synthetic");
        CliRun gen = CliRun.of("generate", "--count", "4500", "--output", synthetic.toString());
        assertThat(gen.code()).as(gen.toString()).isZero();
        CliRun r = CliRun.of("run", "--input", synthetic.toString(), "--output", tmp.resolve("out").toString(),
                "--data", tmp.resolve("data").toString(), "--as-of", "2025-10-31", "--progress-every", "2000");
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = r.err().lines().filter(l -> l.startsWith("  ")).toList();
        // Ingest reports at each commit (every 500 records, its chunk): 2,000 and 4,000 cross an interval, 4,500 does not.
        assertThat(lines).filteredOn(l -> l.startsWith("  ingestRecordsStep: "))
                .extracting(l -> l.replaceAll(", [0-9,]+ a second$", ""))
                .containsExactly("  ingestRecordsStep: 2,000 records", "  ingestRecordsStep: 4,000 records");
        assertThat(lines).filteredOn(l -> l.startsWith("  composeBriefingStep: "))
                .extracting(l -> l.replaceAll(", [0-9,]+ a second$", ""))
                .containsExactly("  composeBriefingStep: 2,000 records", "  composeBriefingStep: 4,000 records");
        assertThat(lines).allSatisfy(l -> assertThat(l).matches("  \\w+Step( \\.\\.\\.|: [0-9,]+ records, [0-9,]+ a second)"));
        // Once a run has shown progress, the start of each later step is shown too.
        assertThat(lines).contains("  reconcileRecordsStep ...", "  composeBriefingStep ...", "  publishBriefingStep ...");
        assertThat(r.out()).contains("4,500 read = 4,500 accepted + 0 rejected");
    }

    @Test
    void aShortRunPrintsNoProgress() {
        StringWriter err = new StringWriter();
        var progress = new ConsoleProgress(new PrintWriter(err));
        progress.stepStarted("ingestRecordsStep");
        progress.records("ingestRecordsStep", 99_999);
        progress.stepStarted("composeBriefingStep");
        progress.records("composeBriefingStep", 99_999);
        assertThat(err.toString()).isEmpty();
        progress.records("composeBriefingStep", 100_000);
        assertThat(err.toString()).startsWith("  composeBriefingStep: 100,000 records, ");
    }
}
