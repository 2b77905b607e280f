package dev.briefings.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import dev.briefings.briefing.SampleBriefings;
import dev.briefings.render.pdf.PdfBriefingRenderer;

/** Recipients and a real briefing PDF for the mail tests. */
final class MailFixtures {

    static final Path TEMPLATES = Path.of("templates", "default");
    static final String FROM = "briefings@example.org";

    private MailFixtures() {
    }

    static Recipient recipient(String id, String name) {
        return new Recipient(id, name, id + "@example.org", "Example Capital", Interests.ALL,
                Set.of(Recipient.Format.PDF), false);
    }

    /** The sample briefing rendered as a real PDF in {@code dir}. */
    static Path briefingPdf(Path dir) throws IOException {
        Path pdf = dir.resolve("briefing.pdf");
        new PdfBriefingRenderer(TEMPLATES).render(SampleBriefings.small(), pdf);
        if (Files.size(pdf) == 0) {
            throw new IOException("empty PDF");
        }
        return pdf;
    }
}
