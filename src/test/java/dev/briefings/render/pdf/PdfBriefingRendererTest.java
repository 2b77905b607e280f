package dev.briefings.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.PdfAValidation;
import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.InitiativeRow;
import dev.briefings.briefing.SampleBriefings;

class PdfBriefingRendererTest {

    static final Path TEMPLATE = Path.of("templates/default");
    static final List<String> SECTIONS = List.of("Executive summary", "Key figures", "Charts", "Initiatives",
            "Risks and data quality", "Changes since the last briefing", "Sources", "Methodology");

    static final List<String> requested = new CopyOnWriteArrayList<>();
    static PdfBriefingRenderer renderer;
    static Path smallPdf;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void renderSmall() {
        renderer = new PdfBriefingRenderer(TEMPLATE, requested::add);
        smallPdf = tmp.resolve("small.pdf");
        renderer.render(SampleBriefings.small(), smallPdf);
    }

    /** Keeps a copy under target/ to look at (pdftoppm); never committed. */
    @org.junit.jupiter.api.AfterAll
    static void keepCopy() throws IOException {
        Path keep = Files.createDirectories(Path.of("target", "pdf-test"));
        Files.copy(smallPdf, keep.resolve("small.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path big = tmp.resolve("big.pdf");
        if (Files.exists(big)) {
            Files.copy(big, keep.resolve("big.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String text(PDDocument doc) throws IOException {
        return stripper().getText(doc);
    }

    /** Text in the order it is drawn. */
    static String rawText(PDDocument doc) throws IOException {
        return new PDFTextStripper().getText(doc);
    }

    /** Text in reading order (Flying Saucer draws bold runs separately). */
    static PDFTextStripper stripper() {
        var stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper;
    }

    /** Text with every run of white space made one space, so that wrapped lines still match. */
    static String flat(String s) {
        return s.replaceAll("\\s+", " ");
    }

    @Test
    void showsEverySectionAndTheFiguresOfTheModel() throws IOException {
        try (PDDocument doc = Loader.loadPDF(smallPdf.toFile())) {
            String text = flat(text(doc));
            assertThat(text).contains(SECTIONS);
            assertThat(text).contains("As of 31 October 2025");
            assertThat(text).contains("USD 1,250,000.00", "USD 975,000,000.00");
            // The summary sentence, with the figures written out by hand.
            assertThat(text).contains("Committed funding in scope totals USD 1.25 million across 4 initiatives; "
                    + "a further USD 975 million is proposed.");
            assertThat(text).contains("The 4 largest of 4 initiatives; the workbook lists all.");
            // Content-stream order keeps a wrapped table cell together (position order interleaves columns).
            String dense = rawText(doc).replaceAll("\\s", "");
            for (InitiativeRow row : SampleBriefings.small().largest()) {
                assertThat(dense).contains(row.title().replaceAll("\\s", ""));
            }
            assertThat(text).contains(SampleBriefings.JAPANESE_ORG);
            assertThat(text).contains("Carve-out of doe-cmm-package");
            assertThat(text).contains("us-au-framework, us-jp-framework");
            assertThat(text).contains("+USD 650,000.00");
            assertThat(text).contains("committed funding was USD 600,000.00 and is now USD 1,250,000.00");
            assertThat(text).contains("0.0066", "30 October 2025", "rejects.json");
            assertThat(text).contains("China's share of global rare-earth processing: 60% (AInvest, 2025-10-31)");
            int pages = doc.getNumberOfPages();
            assertThat(text).contains("Page 1 of " + pages, "Page " + pages + " of " + pages);
        }
    }

    @Test
    void hostileTitleIsPrintedAsTextAndNothingOutsideTheTemplateIsRequested() throws IOException {
        try (PDDocument doc = Loader.loadPDF(smallPdf.toFile())) {
            // A narrow cell may wrap the title inside a token, so compare without white space.
            assertThat(rawText(doc).replaceAll("\\s", "")).contains(SampleBriefings.HOSTILE_TITLE.replaceAll("\\s", ""));
        }
        Path folder = TEMPLATE.toAbsolutePath().normalize();
        assertThat(requested).anyMatch(uri -> uri.endsWith("/templates/default/briefing.css"));
        assertThat(requested).filteredOn(uri -> !uri.equals(TemplateUserAgent.BUILT_IN_CSS)).allSatisfy(uri -> {
            assertThat(uri).startsWith("file:");
            assertThat(Path.of(java.net.URI.create(uri)).normalize()).startsWith(folder);
        });
        assertThat(requested).noneMatch(uri -> uri.contains("passwd") || uri.contains("evil"));
    }

    @Test
    void hasBookmarksMetadataAndFirstPageCover() throws IOException {
        try (PDDocument doc = Loader.loadPDF(smallPdf.toFile())) {
            List<String> outline = new ArrayList<>();
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                outline.add(item.getTitle());
            }
            assertThat(outline).startsWith("Cover").containsAll(SECTIONS);
            var info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Critical Minerals Supply Chain Briefing");
            assertThat(info.getAuthor()).isEqualTo("Example Capital Research Desk 東京");
            assertThat(info.getSubject()).contains("31 October 2025");
            assertThat(info.getKeywords()).contains("critical minerals");
            assertThat(info.getCreator()).isEqualTo("Briefings 0.1.0");
            // The cover carries no running header; the second page does.
            var stripper = stripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String cover = flat(stripper.getText(doc));
            assertThat(cover).contains("nightly", "All records", "Confidential: prepared for the recipient only");
            // The run's wall-clock time (22:00 UTC in the model) is not printed: reruns give the same file.
            assertThat(cover).doesNotContain("22:00").doesNotContain("Generated");
            assertThat(cover.indexOf("As of 31 October 2025")).isEqualTo(cover.lastIndexOf("As of 31 October 2025"));
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(flat(stripper.getText(doc))).startsWith("Critical Minerals Supply Chain Briefing As of 31 October 2025");
        }
    }

    @Test
    void theCoverNamesThePublishingDeskAndTheColophonTheToolThatMadeIt() throws IOException {
        try (PDDocument doc = Loader.loadPDF(smallPdf.toFile())) {
            var stripper = stripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String cover = flat(stripper.getText(doc));
            assertThat(cover).contains("Published by Example Capital Research Desk 東京",
                    "Contact research-desk@example.org");
            // The tool's version and the template are not cover material any more.
            assertThat(cover).doesNotContain("0.1.0").doesNotContain("Template");
            stripper.setStartPage(doc.getNumberOfPages());
            stripper.setEndPage(doc.getNumberOfPages());
            assertThat(flat(stripper.getText(doc))).contains("About this document",
                    "Published by Example Capital Research Desk 東京 (research-desk@example.org).",
                    "Made with Briefings 0.1.0 from the template default.");
            // The contact is a link a reader can follow: a mailto: for an e-mail address.
            List<String> links = new ArrayList<>();
            for (var annotation : doc.getPage(0).getAnnotations()) {
                if (annotation instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link
                        && link.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionURI uri) {
                    links.add(uri.getURI());
                }
            }
            assertThat(links).containsExactly("mailto:research-desk@example.org");
            // The author is the desk in the information dictionary and in the XMP (dc:creator), which agree.
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo("Example Capital Research Desk 東京");
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("Example Capital Research Desk 東京");
            assertThat(PdfAValidation.infoXmpDisagreements(doc)).isEmpty();
        }
    }

    @Test
    void aTemplatesOwnAuthorDoesNotReplaceTheDesk() throws IOException {
        Path template = Files.createDirectories(tmp.resolve("author-template"));
        Files.copy(TEMPLATE.resolve(PdfBriefingRenderer.STYLESHEET), template.resolve(PdfBriefingRenderer.STYLESHEET));
        Files.writeString(template.resolve(PdfBriefingRenderer.TEMPLATE),
                Files.readString(TEMPLATE.resolve(PdfBriefingRenderer.TEMPLATE)).replace("<head>",
                        "<head>\n  <meta name=\"author\" content=\"Somebody Else\"/>"));
        Path out = tmp.resolve("author.pdf");
        new PdfBriefingRenderer(template).render(SampleBriefings.small(), out);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo("Example Capital Research Desk 東京");
            assertThat(PdfAValidation.infoXmpDisagreements(doc)).isEmpty();
        }
    }

    @Test
    void isPdfA2bByVeraPdfWithMatchingXmpAnSrgbIntentAndALanguage() throws IOException {
        assertThat(PdfAValidation.pdfA2bFailures(smallPdf)).isEmpty();
        try (PDDocument doc = Loader.loadPDF(smallPdf.toFile())) {
            assertThat(doc.getVersion()).isEqualTo(1.7f);
            assertThat(PdfAValidation.claimedConformance(doc)).isEqualTo("2B");
            assertThat(PdfAValidation.infoXmpDisagreements(doc)).isEmpty();
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
            var intents = doc.getDocumentCatalog().getOutputIntents();
            assertThat(intents).hasSize(1);
            assertThat(intents.get(0).getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1");
            assertThat(intents.get(0).getCOSObject().getCOSName(COSName.S)).isEqualTo(COSName.getPDFName("GTS_PDFA1"));
            // The destination profile is an RGB display profile (ICC header: class at 12, colour space at 16).
            byte[] icc;
            try (var in = intents.get(0).getDestOutputIntent().createInputStream()) {
                icc = in.readAllBytes();
            }
            assertThat(new String(icc, 12, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("mntrRGB ");
        }
    }

    @Test
    void aRendererPreparedWithAnotherModelRendersTheSameBytes() throws IOException {
        Path fresh = tmp.resolve("fresh.pdf");
        Path prepared = tmp.resolve("prepared.pdf");
        new PdfBriefingRenderer(TEMPLATE).render(SampleBriefings.small(), fresh);
        var renderer = new PdfBriefingRenderer(TEMPLATE);
        var other = SampleBriefings.small();
        // A different briefing for the preparation: nothing of it may reach the render that follows.
        renderer.prepare(new dev.briefings.briefing.BriefingModel(other.meta(), other.keyFigures(), other.breakdowns(),
                other.timeline(), List.of(), other.risks(), other.dataQuality(), other.changes(), other.sources(),
                other.methodology(), other.rejects()));
        renderer.render(SampleBriefings.small(), prepared);
        assertThat(Files.mismatch(fresh, prepared)).as("first differing byte").isEqualTo(-1L);
    }

    @Test
    void theSameBriefingRendersToTheSameBytesWhateverTheClock() throws IOException {
        Path first = tmp.resolve("first.pdf");
        Path second = tmp.resolve("second.pdf");
        // Separate renderers, models made at different wall-clock times.
        new PdfBriefingRenderer(TEMPLATE).render(
                SampleBriefings.small(OffsetDateTime.of(2025, 10, 31, 22, 0, 0, 0, ZoneOffset.UTC)), first);
        new PdfBriefingRenderer(TEMPLATE).render(
                SampleBriefings.small(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(9))), second);
        assertThat(Files.mismatch(first, second)).as("first differing byte").isEqualTo(-1L);

        byte[] id;
        try (PDDocument doc = Loader.loadPDF(first.toFile())) {
            Instant asOf = Instant.parse("2025-10-31T00:00:00Z");
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(asOf);
            assertThat(doc.getDocumentInformation().getModificationDate().toInstant()).isEqualTo(asOf);
            id = fileId(doc);
            assertThat(id).hasSize(16);
            // One subset of the one font, under a fixed tag.
            assertThat(doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next())
                    .getName()).isEqualTo("AAAAAA+IPAexGothic");
        }
        // Another briefing (another title) gets another identifier.
        BriefingModel small = SampleBriefings.small();
        var meta = small.meta();
        var retitled = new dev.briefings.briefing.BriefingMeta("Another title", meta.asOf(), meta.edition(),
                meta.filters(), meta.generatedAt(), meta.applicationVersion(), meta.confidentiality(), meta.template(), meta.desk());
        Path other = tmp.resolve("other.pdf");
        renderer.render(new BriefingModel(retitled, small.keyFigures(), small.breakdowns(), small.timeline(),
                small.largest(), small.risks(), small.dataQuality(), small.changes(), small.sources(),
                small.methodology(), small.rejects()), other);
        try (PDDocument doc = Loader.loadPDF(other.toFile())) {
            assertThat(fileId(doc)).isNotEqualTo(id);
        }
    }

    /** The trailer's file identifier; both parts are the same for a file as first written. */
    private static byte[] fileId(PDDocument doc) {
        COSArray ids = doc.getDocument().getTrailer().getCOSArray(COSName.ID);
        assertThat(ids).isNotNull();
        byte[] permanent = ((COSString) ids.get(0)).getBytes();
        assertThat(((COSString) ids.get(1)).getBytes()).isEqualTo(permanent);
        return permanent;
    }

    @Test
    void everyFontIsEmbeddedAndChartsAreVector() throws IOException {
        try (PDDocument doc = Loader.loadPDF(smallPdf.toFile())) {
            List<String> fonts = new ArrayList<>();
            List<String> images = new ArrayList<>();
            int forms = 0;
            for (PDPage page : doc.getPages()) {
                forms += walk(page.getResources(), fonts, images, new HashSet<>());
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f).endsWith("embedded"));
            assertThat(fonts).allSatisfy(f -> assertThat(f).contains("IPAexGothic"));
            assertThat(images).isEmpty();
            assertThat(forms).as("charts drawn as form XObjects").isGreaterThanOrEqualTo(3);
        }
    }

    /** Collects "name embedded|NOT" for each font and the image names, descending into forms (the charts). */
    private static int walk(PDResources resources, List<String> fonts, List<String> images, Set<Object> seen) throws IOException {
        if (resources == null || !seen.add(resources.getCOSObject())) {
            return 0;
        }
        int forms = 0;
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : " NOT"));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject) {
                images.add(name.getName());
            } else if (x instanceof PDFormXObject form) {
                forms++;
                forms += walk(form.getResources(), fonts, images, seen);
            }
        }
        return forms;
    }

    @Test
    void sourcesAreLinks() throws IOException {
        try (PDDocument doc = Loader.loadPDF(smallPdf.toFile())) {
            Set<String> uris = new HashSet<>();
            for (PDPage page : doc.getPages()) {
                for (PDAnnotation a : page.getAnnotations()) {
                    if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                        uris.add(uri.getURI());
                    }
                }
            }
            assertThat(uris).contains("https://example.org/us-au", "https://example.org/us-jp", "https://example.org/doe");
        }
    }

    @Test
    void longTableRepeatsItsHeaderOnEveryPage() throws IOException {
        BriefingModel small = SampleBriefings.small();
        List<InitiativeRow> rows = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            rows.add(SampleBriefings.row("row-" + i, "Initiative number " + i, "PRIVATE_PROJECT", List.of("US"),
                    List.of("MINING"), List.of(), "1000.00", "0.00", true, null, List.of(1)));
        }
        BriefingModel big = new BriefingModel(small.meta(), small.keyFigures(), small.breakdowns(), small.timeline(),
                rows, small.risks(), small.dataQuality(), small.changes(), small.sources(), small.methodology(),
                small.rejects());
        Path out = tmp.resolve("big.pdf");
        renderer.render(big, out);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            int withHeader = 0;
            int withRows = 0;
            var stripper = stripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = flat(stripper.getText(doc));
                if (page.contains("Initiative number")) {
                    withRows++;
                    if (page.contains("Committed USD Proposed USD Sources")) {
                        withHeader++;
                    }
                }
            }
            assertThat(withRows).isGreaterThanOrEqualTo(2);
            assertThat(withHeader).isEqualTo(withRows);
            assertThat(flat(text(doc))).contains("Initiative number 0", "Initiative number 79");
        }
    }

    @Test
    void rendersConcurrentlyWithOneRenderer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Path out = tmp.resolve("concurrent-" + i + ".pdf");
                results.add(pool.submit(() -> {
                    renderer.render(SampleBriefings.small(), out);
                    try (PDDocument doc = Loader.loadPDF(out.toFile())) {
                        return flat(text(doc));
                    }
                }));
            }
            for (Future<String> r : results) {
                assertThat(r.get()).contains("USD 1,250,000.00", SampleBriefings.JAPANESE_ORG, "Methodology");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void missingTemplateFolderOrFileIsATemplateException(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("no-such-template");
        assertThatThrownBy(() -> new PdfBriefingRenderer(missing))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("no-such-template").hasMessageContaining("not found");

        Path onlyCss = Files.createDirectories(dir.resolve("only-css"));
        Files.writeString(onlyCss.resolve("briefing.css"), "body { }");
        assertThatThrownBy(() -> new PdfBriefingRenderer(onlyCss))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("briefing.html").hasMessageContaining("not found");
    }

    @Test
    void malformedTemplateIsATemplateExceptionWithTheLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("briefing.css"), "body { }");
        Files.writeString(dir.resolve("briefing.html"), "<html>\n<body>\n<p>unclosed\n</body>\n</html>\n");
        assertThatThrownBy(() -> new PdfBriefingRenderer(dir))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("briefing.html").hasMessageContaining("line 4");
    }

    @Test
    void badExpressionInTemplateIsATemplateExceptionAtRender(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("briefing.css"), "body { }");
        Files.writeString(dir.resolve("briefing.html"), """
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:th="http://www.thymeleaf.org">
                <body><p th:text="${model.noSuchThing()}">x</p></body></html>
                """);
        var broken = new PdfBriefingRenderer(dir);
        assertThatThrownBy(() -> broken.render(SampleBriefings.small(), dir.resolve("out.pdf")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("briefing.html");
    }

    @Test
    void pageNumbersCountUp() throws IOException {
        try (PDDocument doc = Loader.loadPDF(smallPdf.toFile())) {
            Matcher m = Pattern.compile("Page (\\d+) of (\\d+)").matcher(text(doc));
            List<Integer> seen = new ArrayList<>();
            while (m.find()) {
                seen.add(Integer.parseInt(m.group(1)));
                assertThat(Integer.parseInt(m.group(2))).isEqualTo(doc.getNumberOfPages());
            }
            assertThat(seen).hasSize(doc.getNumberOfPages()).isSorted();
        }
    }

    @Test
    void changesOfAFirstBriefingSaySo() throws IOException {
        BriefingModel small = SampleBriefings.small();
        var none = new dev.briefings.briefing.Changes(null, List.of(), 0, List.of(), 0, List.of(), 0,
                BigDecimal.ZERO, BigDecimal.ZERO);
        BriefingModel first = new BriefingModel(small.meta(), small.keyFigures(), small.breakdowns(), small.timeline(),
                small.largest(), small.risks(), small.dataQuality(), none, small.sources(), small.methodology(),
                small.rejects());
        Path out = tmp.resolve("first.pdf");
        renderer.render(first, out);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertThat(flat(text(doc))).contains("This is the first briefing; no earlier nightly briefing to compare.");
        }
    }

    @Test
    void controlCharactersFromAnySourceCannotStopTheRender() throws IOException {
        // Records with control characters are rejected on intake; these stand for text that does not come from a
        // record (a rule's note, a filter, the rejects' reasons) or a record staged before that check existed.
        BriefingModel small = SampleBriefings.small();
        var m = small.meta();
        var meta = new dev.briefings.briefing.BriefingMeta("Title\u0001one", m.asOf(), m.edition(), "Minerals: a\u0002b",
                m.generatedAt(), m.applicationVersion(), m.confidentiality(), m.template(), m.desk());
        List<InitiativeRow> rows = List.of(SampleBriefings.row("ctl", "Bad\u0001title", "PARTNERSHIP", List.of("US"),
                List.of("MINING"), List.of("Org\u0007x"), "1000.00", "0.00", true, null, List.of(1)));
        var risks = List.of(new dev.briefings.briefing.RiskNote(dev.briefings.briefing.RiskNote.Severity.HIGH, "MARKET",
                "Rule\u001bheadline", "Why\uFFFEnot", List.of("ctl"), 1, "rule:x"));
        BriefingModel hostile = new BriefingModel(meta, small.keyFigures(), small.breakdowns(), small.timeline(), rows,
                risks, small.dataQuality(), small.changes(), small.sources(), small.methodology(), small.rejects());
        Path out = tmp.resolve("control.pdf");

        renderer.render(hostile, out);

        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String text = flat(text(doc));
            // Each forbidden character became U+FFFD, which the bundled font has no glyph for: the page shows the
            // text around it, whole, and nothing in its place (as a control character shows nothing anyway).
            assertThat(text).contains("Badtitle", "Orgx", "Minerals: ab", "Ruleheadline", "Whynot");
            assertThat(text).doesNotContain("\u0001", "\u0007", "\u001b");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Title\uFFFDone");
        }
    }
}
