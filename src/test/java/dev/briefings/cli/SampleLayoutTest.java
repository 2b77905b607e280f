package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped sample's PDF as a reader turns its pages: no page ends on a section's heading with the section on the
 * next page (the sample's "Risks and data quality" heading once sat alone at the foot of page 6).
 */
class SampleLayoutTest {

    /** The default template's section headings, in its order. */
    private static final List<String> HEADINGS = List.of("Executive summary", "Key figures", "Charts", "Initiatives",
            "Risks and data quality", "Changes since the last briefing", "Sources", "Methodology");

    @TempDir
    Path tmp;

    @Test
    void noPageEndsOnASectionHeading() throws Exception {
        CliRun run = CliRun.sample(tmp);
        Path out = tmp.resolve("out");
        assertThat(run.code()).as(run.toString()).isZero();

        List<String> lastLines = new ArrayList<>();
        List<String> allLines = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(out.resolve("briefing.pdf").toFile())) {
            var text = new PDFTextStripper();
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                text.setStartPage(page);
                text.setEndPage(page);
                // The page's lines without its running footer ("Page N of M", the confidentiality line).
                List<String> lines = text.getText(doc).lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.matches("Page \\d+ of \\d+") && !l.startsWith("Confidential."))
                        .toList();
                lastLines.add(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
                allLines.addAll(lines);
            }
        }
        assertThat(lastLines).as("the last line of each page").doesNotContainAnyElementsOf(HEADINGS);
        // The headings are lines of their own in the extracted text, so that a page ending on one would be seen.
        assertThat(allLines).containsAll(HEADINGS);
    }
}
