package dev.briefings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;

import dev.briefings.briefing.SampleBriefings;
import dev.briefings.render.pdf.PdfBriefingRenderer;

/** The checks the archival tests rely on can fail: an ordinary PDF fails them. */
class PdfAValidationTest {

    @TempDir
    Path dir;

    @Test
    void anOrdinaryPdfIsNotPdfA() throws IOException {
        Path plain = dir.resolve("plain.pdf");
        try (OutputStream out = Files.newOutputStream(plain)) {
            var document = new Document();
            PdfWriter.getInstance(document, out);
            document.open();
            document.add(new Paragraph("Hello")); // Helvetica, not embedded
            document.close();
        }
        assertThat(PdfAValidation.pdfA2bFailures(plain))
                .anyMatch(f -> f.startsWith("6.6.2.1-")) // no XMP metadata
                .anyMatch(f -> f.startsWith("6.2.11.4.1-")); // a font that is not embedded
    }

    @Test
    void informationThatTheXmpDoesNotRepeatIsFound() throws Exception {
        Path master = dir.resolve("master.pdf");
        new PdfBriefingRenderer(Path.of("templates/default")).render(SampleBriefings.small(), master);
        Path changed = dir.resolve("changed.pdf");
        var reader = new PdfReader(Files.readAllBytes(master));
        try (OutputStream out = Files.newOutputStream(changed)) {
            var stamper = new PdfStamper(reader, out);
            var info = new HashMap<>(reader.getInfo());
            info.put("Title", "Another title");
            info.put("FileId", null);
            stamper.setInfoDictionary(info);
            stamper.close();
        }
        try (PDDocument doc = Loader.loadPDF(changed.toFile())) {
            assertThat(PdfAValidation.infoXmpDisagreements(doc))
                    .contains("Title: info 'Another title' but XMP 'Critical Minerals Supply Chain Briefing'");
        }
    }
}
