package dev.briefings.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.briefings.briefing.Breakdown;
import dev.briefings.briefing.Breakdown.BreakdownRow;
import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.Dimension;
import dev.briefings.briefing.SampleBriefings;
import dev.briefings.briefing.TimelinePoint;
import dev.briefings.figures.FigureDisplay;
import dev.briefings.intake.Stage;

/**
 * The charts' labels are read back from the PDF as text (PDFBox), whole and apart: every quarter from 1 to 40, the
 * longest party names there are and every stage. A label cut short ("2…"), drawn as outlines instead of text, or
 * printed over another word fails here.
 */
class ChartLabelsTest {

    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");

    @TempDir
    static Path tmp;
    static PdfBriefingRenderer renderer;
    static PdfBriefingRenderer narrow;

    @BeforeAll
    static void renderers() throws IOException {
        renderer = new PdfBriefingRenderer(PdfBriefingRendererTest.TEMPLATE);
        // The same template with charts a little over half as wide: the labels must adapt to the room they get.
        Path copy = Files.createDirectories(tmp.resolve("narrow"));
        Files.copy(PdfBriefingRendererTest.TEMPLATE.resolve("briefing.html"), copy.resolve("briefing.html"));
        String css = Files.readString(PdfBriefingRendererTest.TEMPLATE.resolve("briefing.css"));
        assertThat(css).contains("img.chart { display: block; width: 174mm;");
        Files.writeString(copy.resolve("briefing.css"), css.replace("img.chart { display: block; width: 174mm;",
                "img.chart { display: block; width: 95mm;"));
        narrow = new PdfBriefingRenderer(copy);
    }

    /** A word as PDFBox extracts it, with the box its glyphs cover on the page. */
    record Word(String text, Rectangle2D box) {
    }

    @ParameterizedTest(name = "{0} quarters")
    @ValueSource(ints = {1, 2, 3, 5, 8, 9, 12, 16, 20, 24, 30, 36, 40})
    void everyQuarterIsLabelledWholeAndApart(int count) throws IOException {
        List<String> quarters = quarters(2016, count);
        List<Word> words = chartPage(render(renderer, withTimeline(quarters), "quarters-" + count), "Announcements by quarter");
        assertThat(labels(words)).containsExactlyInAnyOrderElementsOf(quarters);
        assertApartAndUncut(words);
    }

    @ParameterizedTest(name = "{0} quarters in a narrow chart")
    @ValueSource(ints = {4, 8, 16, 40})
    void aNarrowerChartStillLabelsQuartersWholeAndApart(int count) throws IOException {
        List<String> quarters = quarters(2016, count);
        List<Word> words = chartPage(render(narrow, withTimeline(quarters), "narrow-" + count), "Announcements by quarter");
        // At 40 quarters in 95 mm, a quarter has about 2 mm: every other one is labelled.
        List<String> labels = labels(words);
        assertThat(labels).contains(quarters.get(0));
        assertThat(labels.size()).isGreaterThanOrEqualTo((count + 1) / 2);
        assertThat(quarters).containsAll(labels);
        assertApartAndUncut(words);
    }

    @Test
    void beyondFortyQuartersEveryNthIsLabelledFromTheFirst() throws IOException {
        List<String> quarters = quarters(2000, 100);
        List<Word> words = chartPage(render(renderer, withTimeline(quarters), "quarters-100"), "Announcements by quarter");
        List<String> labels = labels(words);
        labels.sort(Comparator.comparing(quarters::indexOf));
        assertThat(labels.get(0)).isEqualTo("2000-Q1");
        int step = quarters.indexOf(labels.get(1));
        assertThat(step).isGreaterThan(1);
        for (int i = 0; i < labels.size(); i++) {
            assertThat(labels.get(i)).isEqualTo(quarters.get(i * step)); // evenly thinned, none skipped at random
        }
        assertThat(labels).hasSize((100 - 1) / step + 1);
        assertApartAndUncut(words);
    }

    @Test
    void theLongestPartyNamesAndEveryStageReadWhole() throws IOException {
        // The twelve longest party labels the briefing can make (12 bars is the chart's most).
        List<String> codes = new ArrayList<>(List.of(Locale.getISOCountries()));
        codes.sort(Comparator.comparing((String c) -> FigureDisplay.label(Dimension.PARTY, c).length()).reversed()
                .thenComparing(c -> c));
        List<BreakdownRow> parties = new ArrayList<>();
        List<String> partyLabels = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String label = FigureDisplay.label(Dimension.PARTY, codes.get(i));
            partyLabels.add(label);
            parties.add(row(codes.get(i), label, 12 - i));
        }
        assertThat(partyLabels.get(0)).isEqualTo("South Georgia & South Sandwich Islands (GS)");
        List<BreakdownRow> stages = new ArrayList<>();
        List<String> stageLabels = new ArrayList<>();
        for (Stage s : Stage.values()) {
            String label = FigureDisplay.label(Dimension.STAGE, s.name());
            stageLabels.add(label);
            stages.add(row(s.name(), label, Stage.values().length - s.ordinal()));
        }
        BriefingModel small = SampleBriefings.small();
        List<Breakdown> breakdowns = new ArrayList<>();
        for (Breakdown b : small.breakdowns()) {
            breakdowns.add(switch (b.dimension()) {
                case PARTY -> new Breakdown(Dimension.PARTY, parties, total(parties), BigDecimal.ZERO);
                case STAGE -> new Breakdown(Dimension.STAGE, stages, total(stages), BigDecimal.ZERO);
                default -> b;
            });
        }
        BriefingModel model = new BriefingModel(small.meta(), small.keyFigures(), breakdowns, small.timeline(),
                small.largest(), small.risks(), small.dataQuality(), small.changes(), small.sources(),
                small.methodology(), small.rejects());
        for (PdfBriefingRenderer r : List.of(renderer, narrow)) {
            Path pdf = render(r, model, "names-" + (r == renderer ? "wide" : "narrow"));
            List<Word> partyPage = chartPage(pdf, "Committed funding by partner country");
            assertThat(lines(pdf, "Committed funding by partner country")).as("party labels in %s", pdf.getFileName())
                    .containsAll(partyLabels);
            assertApartAndUncut(partyPage);
            List<Word> stagePage = chartPage(pdf, "Committed funding by stage");
            assertThat(lines(pdf, "Committed funding by stage")).as("stage labels in %s", pdf.getFileName())
                    .containsAll(stageLabels);
            assertApartAndUncut(stagePage);
        }
    }

    // ---- models ----------------------------------------------------------------------------------------------

    private static List<String> quarters(int firstYear, int count) {
        List<String> quarters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            quarters.add((firstYear + i / 4) + "-Q" + (i % 4 + 1));
        }
        return quarters;
    }

    private static BriefingModel withTimeline(List<String> quarters) {
        List<TimelinePoint> timeline = new ArrayList<>();
        for (int i = 0; i < quarters.size(); i++) {
            timeline.add(new TimelinePoint(quarters.get(i), (i * 37L) % 1000, BigDecimal.ZERO));
        }
        BriefingModel s = SampleBriefings.small();
        return new BriefingModel(s.meta(), s.keyFigures(), s.breakdowns(), timeline, s.largest(), s.risks(),
                s.dataQuality(), s.changes(), s.sources(), s.methodology(), s.rejects());
    }

    /** A row of {@code millions} USD million committed. */
    private static BreakdownRow row(String key, String label, int millions) {
        return new BreakdownRow(key, label, BigDecimal.valueOf(millions * 1_000_000L), BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static BigDecimal total(List<BreakdownRow> rows) {
        return rows.stream().map(BreakdownRow::committedUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Path render(PdfBriefingRenderer r, BriefingModel model, String name) {
        Path pdf = tmp.resolve(name + ".pdf");
        r.render(model, pdf);
        return pdf;
    }

    // ---- reading the PDF back --------------------------------------------------------------------------------

    private static List<String> labels(List<Word> words) {
        List<String> labels = new ArrayList<>();
        for (Word w : words) {
            if (QUARTER.matcher(w.text()).matches()) {
                labels.add(w.text());
            }
        }
        return labels;
    }

    /** No word on the chart's page is cut short, and no two words overlap (a hair of rounding allowed). */
    private static void assertApartAndUncut(List<Word> words) {
        assertThat(words).isNotEmpty().noneMatch(w -> w.text().contains("…") || w.text().contains("..."));
        for (int a = 0; a < words.size(); a++) {
            for (int b = a + 1; b < words.size(); b++) {
                Rectangle2D overlap = words.get(a).box().createIntersection(words.get(b).box());
                assertThat(overlap.getWidth() > 0.3 && overlap.getHeight() > 0.3)
                        .as("'%s' %s overlaps '%s' %s", words.get(a).text(), words.get(a).box(),
                                words.get(b).text(), words.get(b).box())
                        .isFalse();
            }
        }
    }

    /** The page whose text has the chart's heading. */
    private static int pageOf(PDDocument doc, String heading) throws IOException {
        var stripper = new PDFTextStripper();
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            if (stripper.getText(doc).contains(heading)) {
                return p;
            }
        }
        throw new AssertionError("no page has the heading " + heading);
    }

    /**
     * Every word of the page with the heading, with its box: glyphs in the order they are drawn, joined while each
     * starts where the one before ended on the same baseline (so a label is a word however it is turned).
     */
    private static List<Word> chartPage(Path pdf, String heading) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int page = pageOf(doc, heading);
            List<TextPosition> glyphs = new ArrayList<>();
            var stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    glyphs.add(text);
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(doc);
            List<Word> words = new ArrayList<>();
            List<TextPosition> word = new ArrayList<>();
            for (TextPosition tp : glyphs) {
                if (tp.getUnicode().isBlank() || !word.isEmpty() && !follows(word.get(word.size() - 1), tp)) {
                    add(words, word);
                    word = new ArrayList<>();
                }
                if (!tp.getUnicode().isBlank()) {
                    word.add(tp);
                }
            }
            add(words, word);
            return words;
        }
    }

    /** True when b starts where a ends, on a's baseline and in a's direction. */
    private static boolean follows(TextPosition a, TextPosition b) {
        Matrix ma = a.getTextMatrix();
        Matrix mb = b.getTextMatrix();
        double ux = ma.getValue(0, 0);
        double uy = ma.getValue(0, 1);
        double length = Math.hypot(ux, uy);
        ux /= length;
        uy /= length;
        double dx = mb.getTranslateX() - (ma.getTranslateX() + a.getWidthDirAdj() * ux);
        double dy = mb.getTranslateY() - (ma.getTranslateY() + a.getWidthDirAdj() * uy);
        double along = dx * ux + dy * uy;
        double across = -dx * uy + dy * ux;
        double size = Math.max(1, a.getHeightDir());
        boolean sameTurn = Math.abs(mb.getValue(0, 0) / length - ux) < 0.01 && Math.abs(mb.getValue(0, 1) / length - uy) < 0.01;
        return sameTurn && Math.abs(along) < 0.3 * size && Math.abs(across) < 0.1 * size;
    }

    /** The lines of the page with the heading, sorted by position: a label beside its bar is a line of its own. */
    private static List<String> lines(Path pdf, String heading) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int page = pageOf(doc, heading);
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            List<String> lines = new ArrayList<>();
            for (String line : stripper.getText(doc).split("\\R")) {
                // A bar's value label sits on the same line, after the name.
                lines.add(line.replaceAll(" [0-9][0-9,.]*$", "").trim());
            }
            return lines;
        }
    }

    private static void add(List<Word> words, List<TextPosition> glyphs) {
        if (!glyphs.isEmpty()) {
            var text = new StringBuilder();
            glyphs.forEach(tp -> text.append(tp.getUnicode()));
            words.add(new Word(text.toString(), box(glyphs)));
        }
    }

    /** The box the glyphs cover on the page, whatever the text's turn. */
    private static Rectangle2D box(List<TextPosition> glyphs) {
        Rectangle2D box = null;
        for (TextPosition tp : glyphs) {
            Matrix m = tp.getTextMatrix();
            double ux = m.getValue(0, 0);
            double uy = m.getValue(0, 1);
            double length = Math.hypot(ux, uy);
            ux /= length;
            uy /= length;
            double w = tp.getWidthDirAdj();
            double h = tp.getHeightDir();
            double x = m.getTranslateX();
            double y = m.getTranslateY();
            // The glyph's corners: along the baseline by its width, up (a quarter turn from it) by its height.
            double[][] corners = {{x, y}, {x + w * ux, y + w * uy}, {x - h * uy, y + h * ux},
                    {x + w * ux - h * uy, y + w * uy + h * ux}};
            for (double[] c : corners) {
                if (box == null) {
                    box = new Rectangle2D.Double(c[0], c[1], 0, 0);
                } else {
                    box.add(c[0], c[1]);
                }
            }
        }
        return box;
    }
}
