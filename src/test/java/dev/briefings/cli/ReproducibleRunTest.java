package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.PdfAValidation;
import dev.briefings.TestFolders;

/**
 * The same inputs, as-of date, template and filters give byte-identical {@code briefing.pdf} and
 * {@code briefing.xlsx}: run twice into different input copies, output and data folders, and rerun with
 * {@code --force} into the same folders. Only the manifest's {@code generatedAt} (and, for a forced rerun, its
 * {@code revision}; for another input folder, its {@code input}) may differ.
 */
class ReproducibleRunTest {

    private static final String AS_OF = "2025-10-31";

    @TempDir
    Path tmp;

    @Test
    void theShippedSampleRerunsByteForByteAndIsPdfA2b() throws IOException {
        Path inputA = TestFolders.copy(Path.of("input"), tmp.resolve("a/input"));
        Path inputB = TestFolders.copy(Path.of("input"), tmp.resolve("b/input"));
        Path outA = tmp.resolve("a/out");
        Path outB = tmp.resolve("b/out");
        Path dataA = tmp.resolve("a/data");

        run(inputA, outA, dataA);
        assertThat(PdfAValidation.pdfA2bFailures(outA.resolve("briefing.pdf"))).isEmpty();
        Path firstPdf = Files.copy(outA.resolve("briefing.pdf"), tmp.resolve("first.pdf"));
        Path firstXlsx = Files.copy(outA.resolve("briefing.xlsx"), tmp.resolve("first.xlsx"));
        String firstManifest = withoutClock(outA.resolve("manifest.json"));

        run(inputB, outB, tmp.resolve("b/data"));
        assertSameBytes(outB.resolve("briefing.pdf"), firstPdf);
        assertSameBytes(outB.resolve("briefing.xlsx"), firstXlsx);
        assertSameBytes(outB.resolve("rejects.json"), outA.resolve("rejects.json"));
        // The manifest also names the input folder it was made from, which differs here by design.
        assertThat(withoutClock(outB.resolve("manifest.json"))
                .replace(inputB.toAbsolutePath().toString(), inputA.toAbsolutePath().toString())).isEqualTo(firstManifest);

        // A new revision into the same folders: its changes section still compares with earlier days only.
        CliRun forced = run(inputA, outA, dataA, "--force");
        assertThat(forced.out()).contains("revision 2");
        assertSameBytes(outA.resolve("briefing.pdf"), firstPdf);
        assertSameBytes(outA.resolve("briefing.xlsx"), firstXlsx);
        String forcedManifest = withoutClock(outA.resolve("manifest.json"));
        assertThat(forcedManifest).contains("\"revision\" : 2,");
        assertThat(forcedManifest.replace("\"revision\" : 2,", "\"revision\" : 1,")).isEqualTo(firstManifest);
    }

    @Test
    void aGeneratedInputInAnAdHocEditionRerunsByteForByte() throws IOException {
        Path generated = tmp.resolve("generated");
        CliRun gen = CliRun.of("generate", "--count", "1000", "--seed", "9", "--output", generated.toString());
        assertThat(gen.code()).as(gen.toString()).isZero();
        Path inputB = TestFolders.copy(generated, tmp.resolve("copy"));
        Path outA = tmp.resolve("a/out");
        Path outB = tmp.resolve("b/out");

        run(generated, outA, tmp.resolve("a/data"), "--party", "AU,JP", "--stage", "MINING,PROCESSING,REFINING");
        run(inputB, outB, tmp.resolve("b/data"), "--stage", "REFINING,MINING,PROCESSING", "--party", "JP", "--party", "AU");
        assertSameBytes(outB.resolve("briefing.pdf"), outA.resolve("briefing.pdf"));
        assertSameBytes(outB.resolve("briefing.xlsx"), outA.resolve("briefing.xlsx"));
        assertThat(PdfAValidation.pdfA2bFailures(outA.resolve("briefing.pdf"))).isEmpty();
    }

    private static CliRun run(Path input, Path out, Path data, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--output", out.toString(),
                "--data", data.toString(), "--as-of", AS_OF));
        args.addAll(List.of(extra));
        CliRun result = CliRun.of(args.toArray(String[]::new));
        assertThat(result.code()).as(result.toString()).isZero();
        return result;
    }

    private static void assertSameBytes(Path actual, Path expected) throws IOException {
        assertThat(Files.mismatch(actual, expected)).as("first byte where %s differs from %s", actual, expected)
                .isEqualTo(-1L);
    }

    /** The manifest's text without its one wall-clock field, which must be there. */
    private static String withoutClock(Path manifest) throws IOException {
        String text = Files.readString(manifest);
        String without = text.replaceAll("(?m)^\\s*\"generatedAt\" : \"[^\"]+\",\\R", "");
        assertThat(text.length() - without.length()).as("one generatedAt line").isPositive();
        assertThat(without).doesNotContain("generatedAt");
        return without;
    }
}
