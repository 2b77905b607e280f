package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages for the user's mistakes: 2 and a sentence that says what to fix, never a stack trace. */
class CommandLineTest {

    @TempDir
    Path tmp;
    Path input;

    @BeforeEach
    void setUp() throws IOException {
        input = CliRun.copyResource("e2e/input", tmp.resolve("input"));
    }

    private CliRun run(String... extra) {
        String[] base = {"run", "--input", input.toString(), "--output", tmp.resolve("out").toString(),
                "--data", tmp.resolve("data").toString(), "--as-of", "2025-10-31"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    private static void assertUsageError(CliRun r, String... parts) {
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        for (String p : parts) {
            assertThat(r.err()).contains(p);
        }
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void helpDocumentsCommandsOptionsAndExitCodes() {
        CliRun top = CliRun.of("--help");
        assertThat(top.code()).isZero();
        assertThat(top.out()).contains("run").contains("generate").contains("Exit codes");
        CliRun run = CliRun.of("run", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--input").contains("--output").contains("--as-of").contains("--template")
                .contains("--party").contains("--stage").contains("--kind").contains("--mineral").contains("--force")
                .contains("0", "1", "2");
    }

    @Test
    void unknownOptionsAndBadValuesAreUsageErrors() {
        assertUsageError(CliRun.of("run", "--colour", "blue"), "--colour");
        assertUsageError(CliRun.of("fly"), "fly");
        assertUsageError(run("--as-of", "2025-02-30"), "--as-of");
        assertUsageError(run("--stage", "MINNING"), "--stage 'MINNING' is not one of", "MINING");
        assertUsageError(run("--party", "XX"), "--party 'XX'");
        assertUsageError(run("--kind", "ALLIANCE"), "--kind 'ALLIANCE'");
        assertUsageError(run("--template", "../etc"), "--template");
    }

    @Test
    void missingOrEmptyInputsAreConfigurationErrorsNamingTheFile() throws IOException {
        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty.resolve("initiatives"));
        assertUsageError(CliRun.of("run", "--input", empty.toString(), "--data", tmp.resolve("d").toString()),
                "no record files in", "initiatives");

        Files.delete(input.resolve("fx-rates.json"));
        assertUsageError(run(), "fx-rates.json", "is missing");
    }

    @Test
    void unreadableFxRatesOrTemplateAreConfigurationErrors() throws IOException {
        Files.writeString(input.resolve("fx-rates.json"), "{\"asOf\": \"2025-10-30\", \"rates\": {\"AUD\": -1}}");
        assertUsageError(run(), "fx-rates.json");

        Files.writeString(input.resolve("fx-rates.json"), "{\"asOf\": \"2025-10-30\", \"rates\": {\"AUD\": 0.65}}");
        assertUsageError(run("--template", "fancy"), "template 'fancy'", "briefing.html", "default");
    }

    @Test
    void outputFolderHoldingOtherFilesIsRefused() throws IOException {
        Path busy = tmp.resolve("busy");
        Files.createDirectories(busy);
        Files.writeString(busy.resolve("notes.txt"), "mine");
        CliRun r = CliRun.of("run", "--input", input.toString(), "--output", busy.toString(),
                "--data", tmp.resolve("data").toString(), "--as-of", "2025-10-31");
        assertUsageError(r, "--output", "holds other files");
        assertThat(busy.resolve("notes.txt")).exists();
    }

    @Test
    void generateWritesAnInputFolderTheRunAccepts() throws IOException {
        Path synthetic = tmp.resolve("synthetic");
        CliRun gen = CliRun.of("generate", "--count", "300", "--output", synthetic.toString());
        assertThat(gen.code()).as(gen.toString()).isZero();
        CliRun r = CliRun.of("run", "--input", synthetic.toString(), "--output", tmp.resolve("syn-out").toString(),
                "--data", tmp.resolve("data").toString(), "--as-of", "2025-10-31");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("300 read = 300 accepted + 0 rejected");
    }

    @Test
    void versionNamesTheJavaItRunsOn() {
        CliRun r = CliRun.of("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("briefings ").contains("Java " + Runtime.version())
                .contains(System.getProperty("java.home"));
    }

    @Test
    void aMistypedCommandOrOptionGetsASuggestion() {
        CliRun command = CliRun.of("runn");
        assertThat(command.code()).isEqualTo(2);
        assertThat(command.err()).contains("Unmatched argument").contains("Did you mean").contains("run");
        CliRun option = run("--partyy", "AU");
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).contains("--partyy").contains("Possible solutions: --party");
    }
}
