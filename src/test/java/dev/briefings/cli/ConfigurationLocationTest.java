package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the README says settings are read: {@code application.properties} in the working directory, and
 * {@code config/application.properties} under it. A real child JVM started in another folder proves it.
 */
class ConfigurationLocationTest {

    @TempDir
    Path tmp;

    private String pdfTextAfterARunIn(Path workingDir) throws Exception {
        // One input for both runs: the second call must not copy it again.
        Path input = Files.isDirectory(tmp.resolve("input")) ? tmp.resolve("input")
                : CliRun.copyResource("e2e/input", tmp.resolve("input"));
        Path out = tmp.resolve("out-" + workingDir.getFileName());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.briefings.BriefingsApplication", "run", "--input", input.toString(), "--output", out.toString(),
                "--data", tmp.resolve("data-" + workingDir.getFileName()).toString(),
                "--templates", Path.of("templates").toAbsolutePath().toString(), "--as-of", "2025-10-31"))
                .directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("child.log"))).isZero();
        try (PDDocument pdf = Loader.loadPDF(out.resolve("briefing.pdf").toFile())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void applicationPropertiesInTheWorkingDirectoryAndItsConfigFolderAreRead() throws Exception {
        Path here = Files.createDirectories(tmp.resolve("here"));
        Files.writeString(here.resolve("application.properties"), "briefings.title=Desk Title From The Working Directory\n",
                StandardCharsets.UTF_8);
        assertThat(pdfTextAfterARunIn(here)).contains("Desk Title From The Working Directory");

        Path withConfig = Files.createDirectories(tmp.resolve("with-config").resolve("config")).getParent();
        Files.writeString(withConfig.resolve("config/application.properties"),
                "briefings.title=Desk Title From Config\n", StandardCharsets.UTF_8);
        assertThat(pdfTextAfterARunIn(withConfig)).contains("Desk Title From Config");
    }
}
