package dev.briefings.render.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTCatAx;
import org.openxmlformats.schemas.drawingml.x2006.chart.STAxPos;
import org.openxmlformats.schemas.drawingml.x2006.chart.STBarDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.STCrosses;
import org.openxmlformats.schemas.drawingml.x2006.chart.STOrientation;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.Changes;
import dev.briefings.briefing.InitiativeRow;
import dev.briefings.briefing.InitiativeRows;
import dev.briefings.briefing.SampleBriefings;
import dev.briefings.briefing.TimelinePoint;

class WorkbookBriefingRendererTest {

    static final Path TEMPLATE = Path.of("templates/default/workbook.xlsx");

    @TempDir
    Path dir;

    private XSSFWorkbook render(BriefingModel model, InitiativeRows rows) throws IOException {
        Path out = dir.resolve("briefing.xlsx");
        new WorkbookBriefingRenderer(TEMPLATE).render(model, rows, out);
        try (InputStream in = Files.newInputStream(out)) {
            return new XSSFWorkbook(in);
        }
    }

    private XSSFWorkbook renderSmall() throws IOException {
        return render(SampleBriefings.small(), SampleBriefings.smallRows());
    }

    /** The first row whose column A holds exactly {@code label}. */
    private static Row rowLabelled(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell a = row.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row labelled '" + label + "' on " + sheet.getSheetName());
    }

    @Test
    void sheetsAreNamedAndOrdered() throws IOException {
        try (var wb = renderSmall()) {
            var names = new ArrayList<String>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("Summary", "Initiatives", "Funding", "Risks", "Changes", "Sources");
        }
    }

    @Test
    void summaryHoldsNumbersAndRealDates() throws IOException {
        try (var wb = renderSmall()) {
            Sheet summary = wb.getSheet("Summary");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Critical Minerals Supply Chain Briefing");

            Cell committed = rowLabelled(summary, "Committed funding (USD)").getCell(1);
            assertThat(committed.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(committed.getNumericCellValue()).isEqualTo(1_250_000.00);
            assertThat(committed.getCellStyle().getDataFormatString()).contains("#,##0.00");
            Cell proposed = rowLabelled(summary, "Proposed funding (USD)").getCell(1);
            assertThat(proposed.getNumericCellValue()).isEqualTo(975_000_000.00);

            Cell asOf = rowLabelled(summary, "As of").getCell(1);
            assertThat(asOf.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(asOf)).isTrue();
            assertThat(asOf.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 10, 31));

            // The run's wall-clock time is not in the workbook (it lives in the manifest): reruns are identical.
            for (Row row : summary) {
                Cell a = row.getCell(0);
                assertThat(a == null ? "" : a.toString()).doesNotContain("Generated");
            }

            assertThat(rowLabelled(summary, "Records read").getCell(1).getNumericCellValue()).isEqualTo(5);
            assertThat(rowLabelled(summary, "Records rejected").getCell(1).getNumericCellValue()).isEqualTo(1);
            assertThat(rowLabelled(summary, "Carve-outs (not double counted)").getCell(1).getNumericCellValue()).isEqualTo(1);
            assertThat(rowLabelled(summary, "Partner countries").getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(rowLabelled(summary, "High risks").getCell(1).getNumericCellValue()).isEqualTo(1);

            Cell fxDate = rowLabelled(summary, "Rates as of").getCell(1);
            assertThat(DateUtil.isCellDateFormatted(fxDate)).isTrue();
            assertThat(fxDate.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 10, 30));
            Cell jpy = rowLabelled(summary, "JPY").getCell(1);
            assertThat(jpy.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(jpy.getNumericCellValue()).isEqualTo(0.0066);
            assertThat(rowLabelled(summary, "China's share of global rare-earth processing").getCell(1)
                    .getStringCellValue()).isEqualTo("60% (AInvest, 2025-10-31)");
            assertThat(rowLabelled(summary, "Confidential: prepared for the recipient only; not for redistribution."))
                    .isNotNull();
        }
    }

    @Test
    void theSameBriefingGivesTheSameBytesWhateverTheClock() throws IOException {
        Instant before = Instant.now();
        Path first = dir.resolve("first.xlsx");
        Path second = dir.resolve("second.xlsx");
        // Made a day apart by the clock: nothing of that may reach the file.
        new WorkbookBriefingRenderer(TEMPLATE).render(
                SampleBriefings.small(OffsetDateTime.of(2025, 10, 31, 22, 0, 0, 0, ZoneOffset.UTC)), SampleBriefings.smallRows(), first);
        new WorkbookBriefingRenderer(TEMPLATE).render(
                SampleBriefings.small(OffsetDateTime.of(2025, 11, 1, 23, 59, 58, 0, ZoneOffset.ofHours(9))), SampleBriefings.smallRows(), second);
        assertThat(Files.mismatch(first, second)).as("first differing byte").isEqualTo(-1L);

        try (var zip = new ZipFile(first.toFile())) {
            var entries = java.util.Collections.list(zip.entries());
            assertThat(entries).hasSizeGreaterThan(10);
            // No entry carries the time it was written.
            assertThat(entries).allSatisfy(e -> assertThat(e.getLastModifiedTime().toInstant()).isBefore(before));
        }
        try (InputStream in = Files.newInputStream(first); var wb = new XSSFWorkbook(in)) {
            var core = wb.getProperties().getCoreProperties();
            Instant asOf = Instant.parse("2025-10-31T00:00:00Z");
            assertThat(core.getCreated().toInstant()).isEqualTo(asOf);
            assertThat(core.getModified().toInstant()).isEqualTo(asOf);
            assertThat(core.getTitle()).isEqualTo("Critical Minerals Supply Chain Briefing");
        }
    }

    @Test
    void documentPropertiesSayWhatTheBriefingIsAndWhoPublishedIt() throws IOException {
        Path out = dir.resolve("properties.xlsx");
        new WorkbookBriefingRenderer(TEMPLATE).render(SampleBriefings.small(), SampleBriefings.smallRows(), out);
        try (InputStream in = Files.newInputStream(out); var wb = new XSSFWorkbook(in)) {
            var core = wb.getProperties().getCoreProperties();
            assertThat(core.getTitle()).isEqualTo("Critical Minerals Supply Chain Briefing");
            assertThat(core.getSubject()).isEqualTo("nightly edition: All records");
            assertThat(core.getCreator()).isEqualTo("Example Capital Research Desk 東京");
            assertThat(core.getLastModifiedByUser()).isEqualTo("Example Capital Research Desk 東京");
            assertThat(core.getKeywords()).contains("as of 2025-10-31");
            assertThat(core.getDescription()).isEqualTo("Investor briefing as of 2025-10-31, nightly edition, "
                    + "published by Example Capital Research Desk 東京 (research-desk@example.org).");
            assertThat(core.getCreated().toInstant()).isEqualTo(Instant.parse("2025-10-31T00:00:00Z"));
            // Not the template's "Apache POI": the application that wrote it.
            assertThat(wb.getProperties().getExtendedProperties().getApplication()).isEqualTo("Briefings 0.1.0");
            Sheet summary = wb.getSheet("Summary");
            assertThat(rowLabelled(summary, "Published by").getCell(1).getStringCellValue())
                    .isEqualTo("Example Capital Research Desk 東京");
            assertThat(rowLabelled(summary, "Contact").getCell(1).getStringCellValue())
                    .isEqualTo("research-desk@example.org");
        }
    }

    @Test
    void anAdHocEditionsSubjectNamesItsFilters() throws IOException {
        var small = SampleBriefings.small();
        var m = small.meta();
        var adHoc = new dev.briefings.briefing.BriefingMeta(m.title(), m.asOf(), "party-au_stage-mining",
                "Parties: AU · Stages: MINING", m.generatedAt(), m.applicationVersion(), m.confidentiality(),
                m.template(), new dev.briefings.briefing.Desk("Desk", "https://desk.example.org/briefings"));
        Path out = dir.resolve("adhoc.xlsx");
        new WorkbookBriefingRenderer(TEMPLATE).render(new BriefingModel(adHoc, small.keyFigures(), small.breakdowns(),
                small.timeline(), small.largest(), small.risks(), small.dataQuality(), small.changes(), small.sources(),
                small.methodology(), small.rejects()), SampleBriefings.smallRows(), out);
        try (InputStream in = Files.newInputStream(out); var wb = new XSSFWorkbook(in)) {
            var core = wb.getProperties().getCoreProperties();
            assertThat(core.getSubject()).isEqualTo("party-au_stage-mining edition: Parties: AU · Stages: MINING");
            assertThat(core.getCreator()).isEqualTo("Desk");
            assertThat(core.getDescription()).isEqualTo("Investor briefing as of 2025-10-31, party-au_stage-mining "
                    + "edition, published by Desk (https://desk.example.org/briefings).");
        }
    }

    @Test
    void initiativesIsAFilterableTableWithTypedCells() throws IOException {
        try (var wb = renderSmall()) {
            XSSFSheet sheet = wb.getSheet("Initiatives");
            assertThat(sheet.getLastRowNum()).isEqualTo(4); // header + 4 rows
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("ID");

            List<XSSFTable> tables = sheet.getTables();
            assertThat(tables).hasSize(1);
            XSSFTable table = tables.get(0);
            assertThat(table.getArea().formatAsString()).isEqualTo("A1:Q5");
            assertThat(table.getCTTable().getAutoFilter().getRef()).isEqualTo("A1:Q5");
            assertThat(table.getStyleName()).isEqualTo("TableStyleMedium2");
            assertThat(table.getColumns().get(13).getName()).isEqualTo("Committed USD");

            var pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 1);

            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("us-au-framework");
            Cell announced = first.getCell(4);
            assertThat(DateUtil.isCellDateFormatted(announced)).isTrue();
            assertThat(announced.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 10, 20));
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("US, AU");
            assertThat(first.getCell(8).getStringCellValue()).isEqualTo("Alcoa, Arafura");
            assertThat(first.getCell(10).getCellType()).isEqualTo(CellType.BOOLEAN);
            assertThat(first.getCell(10).getBooleanCellValue()).isTrue();
            assertThat(sheet.getRow(2).getCell(10).getBooleanCellValue()).isFalse();
            assertThat(first.getCell(12).getBooleanCellValue()).isTrue();
            assertThat(sheet.getRow(4).getCell(12).getBooleanCellValue()).isFalse(); // carve-out
            assertThat(sheet.getRow(4).getCell(11).getStringCellValue()).isEqualTo("doe-cmm-package");

            Cell committed = first.getCell(13);
            assertThat(committed.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(committed.getNumericCellValue()).isEqualTo(1_000_000.00);
            assertThat(committed.getCellStyle().getDataFormatString()).isEqualTo("\"$\"#,##0.00");
            assertThat(sheet.getRow(3).getCell(14).getNumericCellValue()).isEqualTo(975_000_000.00);

            Cell link = first.getCell(15);
            assertThat(link.getCellType()).isEqualTo(CellType.STRING);
            assertThat(link.getHyperlink()).isNotNull();
            assertThat(link.getHyperlink().getType()).isEqualTo(HyperlinkType.URL);
            assertThat(link.getHyperlink().getAddress()).isEqualTo("https://example.org/us-au-framework");
            assertThat(first.getCell(16).getNumericCellValue()).isEqualTo(1);
            assertThat(sheet.getColumnWidth(1)).isEqualTo(48 * 256); // from the template
        }
    }

    @Test
    void fundingBlocksSumToTheirTotalsAndChartsExist() throws IOException {
        try (var wb = renderSmall()) {
            XSSFSheet funding = wb.getSheet("Funding");
            Row heading = rowLabelled(funding, "By stage");
            Row header = funding.getRow(heading.getRowNum() + 1);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Stage");
            double sum = 0;
            var labels = new ArrayList<String>();
            int r = header.getRowNum() + 1;
            for (; !funding.getRow(r).getCell(0).getStringCellValue().equals("Total"); r++) {
                labels.add(funding.getRow(r).getCell(0).getStringCellValue());
                sum += funding.getRow(r).getCell(1).getNumericCellValue();
            }
            assertThat(labels).containsExactly("Mining", "Processing", "Refining");
            // 625,000 + 625,000 + 0, by hand
            assertThat(sum).isEqualTo(1_250_000.00);
            Row total = funding.getRow(r);
            assertThat(total.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(1_250_000.00);
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(975_000_000.00);
            Row mining = funding.getRow(header.getRowNum() + 1);
            assertThat(mining.getCell(3).getNumericCellValue()).isEqualTo(0.5);
            assertThat(mining.getCell(3).getCellStyle().getDataFormatString()).contains("%");

            Row party = rowLabelled(funding, "AU Australia");
            assertThat(party.getCell(1).getNumericCellValue()).isEqualTo(1_000_000.00);
            Row quarter = rowLabelled(funding, "2025-Q4");
            assertThat(quarter.getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(quarter.getCell(2).getNumericCellValue()).isEqualTo(1_250_000.00);

            List<XSSFChart> charts = funding.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(3);
            var titles = charts.stream().map(c -> c.getTitleText().getString()).toList();
            assertThat(titles).containsExactly("Committed USD by stage", "Committed USD by party",
                    "Announcements and committed USD per quarter");
            var stageSeries = charts.get(0).getChartSeries().get(0).getSeries(0);
            assertThat(stageSeries.getCategoryData().getDataRangeReference())
                    .isEqualTo("Funding!$A$" + (header.getRowNum() + 2) + ":$A$" + (header.getRowNum() + 4));
            assertThat(stageSeries.getValuesData().getPointAt(1).doubleValue()).isEqualTo(625_000.00);
            assertThat(charts.get(2).getChartSeries()).hasSize(2); // bars and line
        }
    }

    /** The category axis of a chart (each chart here has one shown) and its label rotation. */
    private static CTCatAx categoryAxis(XSSFChart chart) {
        return chart.getCTChart().getPlotArea().getCatAxList().stream()
                .filter(ax -> ax.getDelete() == null || !ax.getDelete().getVal()).findFirst().orElseThrow();
    }

    private static int rotation(CTCatAx axis) {
        return axis.getTxPr().getBodyPr().getRot();
    }

    @Test
    void breakdownChartsAreHorizontalBarsWithEveryNameInOneLine() throws IOException {
        try (var wb = renderSmall()) {
            List<XSSFChart> charts = wb.getSheet("Funding").getDrawingPatriarch().getCharts();
            for (XSSFChart chart : charts.subList(0, 2)) {
                var plot = chart.getCTChart().getPlotArea();
                assertThat(plot.getBarChartArray(0).getBarDir().getVal()).isEqualTo(STBarDir.BAR);
                CTCatAx axis = categoryAxis(chart);
                assertThat(axis.getAxPos().getVal()).isEqualTo(STAxPos.L);
                // Largest first, on top, as in the table; the amounts along the foot.
                assertThat(axis.getScaling().getOrientation().getVal()).isEqualTo(STOrientation.MAX_MIN);
                assertThat(plot.getValAxArray(0).getAxPos().getVal()).isEqualTo(STAxPos.B);
                assertThat(plot.getValAxArray(0).getCrosses().getVal()).isEqualTo(STCrosses.MAX);
                assertThat(rotation(axis)).isZero();
                assertThat(axis.getTxPr().getPArray(0).getPPr().getDefRPr().getSz()).isEqualTo(800);
            }
            var parties = charts.get(1).getChartSeries().get(0).getSeries(0).getCategoryData();
            assertThat(List.of(parties.getPointAt(0), parties.getPointAt(1), parties.getPointAt(2)))
                    .containsExactly("AU Australia", "JP Japan", "US United States");
        }
    }

    @Test
    void timelineLabelsEveryQuarterAcrossOrUprightWithRoomForEach() throws IOException {
        try (var wb = renderSmall()) {
            XSSFChart timeline = wb.getSheet("Funding").getDrawingPatriarch().getCharts().get(2);
            assertThat(rotation(categoryAxis(timeline))).as("3 quarters read across").isZero();
        }
        BriefingModel small = SampleBriefings.small();
        List<TimelinePoint> quarters = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            quarters.add(new TimelinePoint((2016 + i / 4) + "-Q" + (i % 4 + 1), i, BigDecimal.ZERO));
        }
        var model = new BriefingModel(small.meta(), small.keyFigures(), small.breakdowns(), quarters, small.largest(),
                small.risks(), small.dataQuality(), small.changes(), small.sources(), small.methodology(),
                small.rejects());
        try (var wb = render(model, SampleBriefings.smallRows())) {
            XSSFSheet funding = wb.getSheet("Funding");
            var drawing = funding.getDrawingPatriarch();
            XSSFChart timeline = drawing.getCharts().get(2);
            assertThat(rotation(categoryAxis(timeline))).as("40 quarters upright").isEqualTo(-5_400_000);
            var periods = timeline.getChartSeries().get(0).getSeries(0).getCategoryData();
            assertThat(periods.getPointCount()).isEqualTo(40);
            assertThat(periods.getPointAt(0)).isEqualTo("2016-Q1");
            assertThat(periods.getPointAt(39)).isEqualTo("2025-Q4");
            // The chart is wide enough for 40 upright 8 pt labels: 18 px each, plus 160 px for axes and margins.
            var anchor = (org.apache.poi.xssf.usermodel.XSSFClientAnchor) drawing.getShapes().get(2).getAnchor();
            float pixels = 0;
            for (int c = anchor.getCol1(); c < anchor.getCol2(); c++) {
                pixels += funding.getColumnWidthInPixels(c);
            }
            assertThat(pixels).isGreaterThanOrEqualTo(40 * 18 + 160);
            // The other charts keep their width.
            var stageAnchor = (org.apache.poi.xssf.usermodel.XSSFClientAnchor) drawing.getShapes().get(0).getAnchor();
            assertThat(stageAnchor.getCol2() - stageAnchor.getCol1()).isEqualTo(FundingCharts.WIDTH_COLUMNS);
        }
    }

    @Test
    void risksAndDataQuality() throws IOException {
        try (var wb = renderSmall()) {
            Sheet risks = wb.getSheet("Risks");
            Row high = rowLabelled(risks, "HIGH");
            assertThat(high.getCell(1).getStringCellValue()).isEqualTo("NONBINDING");
            assertThat(high.getCell(2).getStringCellValue()).isEqualTo("Nonbinding agreement carries funding");
            assertThat(high.getCell(6).getStringCellValue()).isEqualTo("rule:nonbinding-with-funding");
            Row medium = rowLabelled(risks, "MEDIUM");
            assertThat(medium.getCell(4).getStringCellValue()).isEqualTo("us-au-framework, us-jp-framework");
            assertThat(medium.getCell(5).getNumericCellValue()).isEqualTo(2);
            Row dq = risks.getRow(rowLabelled(risks, "Data quality").getRowNum() + 2);
            assertThat(dq.getCell(0).getStringCellValue()).startsWith("Carve-outs of doe-cmm-package");
            assertThat(dq.getCell(1).getStringCellValue()).isEqualTo("doe-cmm-package, hostile-title");
        }
    }

    @Test
    void changesListCountsTotalsAndRows() throws IOException {
        try (var wb = renderSmall()) {
            Sheet changes = wb.getSheet("Changes");
            Cell previous = rowLabelled(changes, "Previous briefing as of").getCell(1);
            assertThat(DateUtil.isCellDateFormatted(previous)).isTrue();
            assertThat(previous.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 10, 30));
            assertThat(rowLabelled(changes, "Added").getCell(1).getNumericCellValue()).isEqualTo(1);
            assertThat(rowLabelled(changes, "Previous committed (USD)").getCell(1).getNumericCellValue()).isEqualTo(600_000.00);
            assertThat(rowLabelled(changes, "Change in committed (USD)").getCell(1).getNumericCellValue()).isEqualTo(650_000.00);
            Row removed = rowLabelled(changes, "removed");
            assertThat(removed.getCell(1).getStringCellValue()).isEqualTo("old-record");
            assertThat(removed.getCell(3).getNumericCellValue()).isEqualTo(-100_000.00);
            assertThat(rowLabelled(changes, "added").getCell(1).getStringCellValue()).isEqualTo("us-jp-framework");
            assertThat(rowLabelled(changes, "changed").getCell(3).getNumericCellValue()).isEqualTo(500_000.00);
        }
    }

    @Test
    void firstBriefingSaysSo() throws IOException {
        BriefingModel small = SampleBriefings.small();
        var none = new Changes(null, List.of(), 0, List.of(), 0, List.of(), 0, BigDecimal.ZERO, BigDecimal.ZERO);
        var model = new BriefingModel(small.meta(), small.keyFigures(), small.breakdowns(), small.timeline(),
                small.largest(), small.risks(), small.dataQuality(), none, small.sources(), small.methodology(),
                small.rejects());
        try (var wb = render(model, SampleBriefings.smallRows())) {
            assertThat(rowLabelled(wb.getSheet("Changes"), ChangesSheet.FIRST_BRIEFING)).isNotNull();
        }
    }

    @Test
    void sourcesAreStreamedWithLinksAndDates() throws IOException {
        try (var wb = renderSmall()) {
            Sheet sources = wb.getSheet("Sources");
            assertThat(sources.getLastRowNum()).isEqualTo(4);
            Row row = sources.getRow(2);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("us-jp-framework");
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(1);
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Example Publisher");
            assertThat(DateUtil.isCellDateFormatted(row.getCell(3))).isTrue();
            assertThat(row.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 10, 21));
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("About us-jp-framework");
            assertThat(row.getCell(5).getHyperlink().getAddress()).isEqualTo("https://example.org/us-jp-framework");
        }
    }

    @Test
    void controlCharactersBecomeReplacementCharactersOnEverySheet() throws IOException {
        BriefingModel small = SampleBriefings.small();
        var m = small.meta();
        var meta = new dev.briefings.briefing.BriefingMeta("Title\u0001one", m.asOf(), m.edition(), m.filters(),
                m.generatedAt(), m.applicationVersion(), m.confidentiality(), m.template(), m.desk());
        var risks = List.of(new dev.briefings.briefing.RiskNote(dev.briefings.briefing.RiskNote.Severity.HIGH, "MARKET",
                "Rule\u001bheadline", "Why\uFFFEnot", List.of("ctl"), 1, "rule:x"));
        var model = new BriefingModel(meta, small.keyFigures(), small.breakdowns(), small.timeline(), small.largest(),
                risks, small.dataQuality(), small.changes(), small.sources(), small.methodology(), small.rejects());
        InitiativeRows rows = action -> action.accept(SampleBriefings.row("ctl", "Bad\u0001title", "PARTNERSHIP",
                List.of("US"), List.of("MINING"), List.of("Org\u0007x", "tab\tkept"), "1.00", "0.00", true, null, List.of()));

        try (var wb = render(model, rows)) {
            assertThat(wb.getSheet("Summary").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Title\uFFFDone");
            Row initiative = wb.getSheet("Initiatives").getRow(1);
            assertThat(initiative.getCell(1).getStringCellValue()).isEqualTo("Bad\uFFFDtitle");
            assertThat(initiative.getCell(8).getStringCellValue()).isEqualTo("Org\uFFFDx, tab\tkept");
            Row high = rowLabelled(wb.getSheet("Risks"), "HIGH");
            assertThat(high.getCell(2).getStringCellValue()).isEqualTo("Rule\uFFFDheadline");
            assertThat(high.getCell(3).getStringCellValue()).isEqualTo("Why\uFFFDnot");
        }
    }

    @Test
    void recordTextNeverBecomesAFormula() throws IOException {
        var titles = List.of(SampleBriefings.HOSTILE_TITLE, "+1", "-2", "@SUM(A1)", "=1+1");
        InitiativeRows rows = action -> {
            for (int i = 0; i < titles.size(); i++) {
                action.accept(SampleBriefings.row("=id-" + i, titles.get(i), "-KIND", List.of("+US"), List.of("@x"),
                        List.of("=org"), "1.00", "0.00", true, null, List.of()));
            }
        };
        try (var wb = render(SampleBriefings.small(), rows)) {
            Sheet sheet = wb.getSheet("Initiatives");
            for (int i = 0; i < titles.size(); i++) {
                Row row = sheet.getRow(i + 1);
                for (int c : new int[] {0, 1, 2, 5, 6, 8}) {
                    assertThat(row.getCell(c).getCellType()).as("row %d col %d", i, c).isEqualTo(CellType.STRING);
                }
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(titles.get(i));
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo("=id-" + i);
                assertThat(row.getCell(8).getStringCellValue()).isEqualTo("=org");
            }
            Sheet sources = wb.getSheet("Sources");
            assertThat(sources.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            // The hostile title also appears in the model's largest list; the Funding, Risks sheets carry no formulas at all.
            wb.forEach(s -> s.forEach(r -> r.forEach(cell ->
                    assertThat(cell.getCellType()).as(s.getSheetName() + "!" + cell.getAddress()).isNotEqualTo(CellType.FORMULA))));
        }
    }

    @Test
    void overlongTextIsTruncatedWithAMarker() throws IOException {
        String longTitle = "x".repeat(40_000);
        String control = "bell\u0007 and nul\u0000 inside";
        InitiativeRows rows = action -> {
            action.accept(SampleBriefings.row("long", longTitle, "PARTNERSHIP", List.of("US"), List.of("MINING"),
                    List.of("Org"), "1.00", "0.00", true, null, List.of()));
            action.accept(SampleBriefings.row("control", control, "PARTNERSHIP", List.of("US"), List.of("MINING"),
                    List.of("Org"), "1.00", "0.00", true, null, List.of()));
        };
        try (var wb = render(SampleBriefings.small(), rows)) {
            Sheet sheet = wb.getSheet("Initiatives");
            String written = sheet.getRow(1).getCell(1).getStringCellValue();
            assertThat(written).hasSize(32_767);
            assertThat(written).endsWith(Cells.TRUNCATED);
            assertThat(written).startsWith("xxxxxxxxxx");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("control");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).startsWith("bell").endsWith("inside");
        }
    }

    @Test
    void fitNeverSplitsASurrogatePair() {
        String text = "a".repeat(Cells.MAX_TEXT - Cells.TRUNCATED.length() - 1) + "😀" + "tail".repeat(10);
        String fitted = Cells.fit(text);
        assertThat(fitted.length()).isLessThanOrEqualTo(Cells.MAX_TEXT);
        assertThat(fitted).endsWith("a" + Cells.TRUNCATED);
        assertThat(Cells.fit("short")).isEqualTo("short");
    }

    @Test
    void onlyWebAddressesBecomeLinks() throws IOException {
        InitiativeRows rows = action -> {
            for (String url : List.of("javascript:alert(1)", "file:notes.txt", "ftp://example.org/data", "not a uri at all", "https://example.org/ok")) {
                var base = SampleBriefings.row("id", "t", "K", List.of(), List.of(), List.of(), "0.00", "0.00", true, null, List.of());
                action.accept(new InitiativeRow(base.id(), base.title(), base.kind(), base.status(), base.announced(),
                        base.parties(), base.stages(), base.minerals(), base.organizations(), base.location(),
                        base.binding(), base.partOf(), base.countedInTotals(), base.committedUsd(), base.proposedUsd(),
                        List.of(new dev.briefings.briefing.SourceRef(1, url, "P", null, null)), List.of()));
            }
        };
        try (var wb = render(SampleBriefings.small(), rows)) {
            Sheet sheet = wb.getSheet("Initiatives");
            for (int r = 1; r <= 4; r++) {
                assertThat(sheet.getRow(r).getCell(15).getHyperlink()).as("row %d", r).isNull();
                assertThat(sheet.getRow(r).getCell(15).getCellType()).isEqualTo(CellType.STRING);
            }
            assertThat(sheet.getRow(1).getCell(15).getStringCellValue()).isEqualTo("javascript:alert(1)");
            assertThat(sheet.getRow(5).getCell(15).getHyperlink().getAddress()).isEqualTo("https://example.org/ok");
            assertThat(wb.getSheet("Sources").getRow(1).getCell(3).getCellType()).isEqualTo(CellType.BLANK);
        }
    }

    @Test
    void linksStopAtTheLimitAndTheAddressStaysAsText() throws Exception {
        try (var wb = new XSSFWorkbook()) {
            var styles = new WorkbookStyles(wb.createCellStyle(), null, null, wb.createCellStyle(), null, null, null,
                    null, null, null, null, null, wb.createCellStyle(), null, null, null, null);
            var links = new Links(styles, 2);
            var sheet = wb.createSheet();
            var xml = new SheetXmlWriter();
            String rows;
            try {
                for (int r = 0; r < 3; r++) {
                    xml.beginRow(r);
                    links.write(xml, r, 0, "https://example.org/" + r);
                    xml.endRow();
                }
                xml.close();
                try (var in = xml.getWorksheetXMLInputStream()) {
                    rows = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            } finally {
                xml.discard();
            }
            // The first two in the link style, the third (past the limit) as text.
            String cell = "<c s=\"%d\" t=\"inlineStr\"><is><t>https://example.org/%d</t></is></c>";
            assertThat(rows).isEqualTo("<row r=\"1\">\n" + cell.formatted(styles.link().getIndex(), 0) + "</row>\n"
                    + "<row r=\"2\">\n" + cell.formatted(styles.link().getIndex(), 1) + "</row>\n"
                    + "<row r=\"3\">\n" + cell.formatted(styles.text().getIndex(), 2) + "</row>\n");
            assertThat(styles.link().getIndex()).isNotEqualTo(styles.text().getIndex());

            Links.Attached rest = links.attach(sheet);
            // The first link is POI's; the second waits to be written into the sheet's XML and relationships,
            // with the id POI would give it next.
            assertThat(sheet.getHyperlinkList()).hasSize(1);
            assertThat(sheet.getHyperlinkList().get(0).getCellRef()).isEqualTo("A1");
            assertThat(sheet.getHyperlinkList().get(0).getAddress()).isEqualTo("https://example.org/0");
            var relationships = sheet.getPackagePart().getRelationships();
            assertThat(relationships.size()).isEqualTo(1);
            String firstId = relationships.getRelationship(0).getId();
            assertThat(rest.cells()).containsExactly("A2");
            assertThat(rest.addresses()).containsExactly("https://example.org/1");
            assertThat(rest.ids()).containsExactly("rId" + (Integer.parseInt(firstId.substring(3)) + 1));
            assertThat(rest.relationshipsEntry()).isEqualTo("xl/worksheets/_rels/sheet1.xml.rels");
        }
    }

    @Test
    void theNotedLinksGoIntoTheHyperlinksElementWhateverItsPrefix() throws IOException {
        var attached = new Links.Attached("xl/worksheets/sheet1.xml", "xl/worksheets/_rels/sheet1.xml.rels",
                List.of("P3", "P4"), List.of("rId7", "rId10"), List.of("https://a.example/?x=1&y=\"2\"", "https://b.example/"));
        String plain = "<worksheet><sheetData/><hyperlinks><hyperlink ref=\"P2\" r:id=\"rId6\"/></hyperlinks>"
                + "<pageMargins/></worksheet>";
        assertThat(new String(attached.into(new ByteArrayInputStream(plain.getBytes(StandardCharsets.UTF_8)))
                .readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<worksheet><sheetData/><hyperlinks>"
                + "<hyperlink ref=\"P2\" r:id=\"rId6\"/><hyperlink ref=\"P3\" r:id=\"rId7\"/>"
                + "<hyperlink ref=\"P4\" r:id=\"rId10\"/></hyperlinks><pageMargins/></worksheet>");
        String prefixed = "<x:worksheet><x:hyperlinks><x:hyperlink ref=\"P2\" rel:id=\"rId6\"/></x:hyperlinks></x:worksheet>";
        assertThat(new String(attached.into(new ByteArrayInputStream(prefixed.getBytes(StandardCharsets.UTF_8)))
                .readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<x:worksheet><x:hyperlinks>"
                + "<x:hyperlink ref=\"P2\" rel:id=\"rId6\"/><x:hyperlink ref=\"P3\" rel:id=\"rId7\"/>"
                + "<x:hyperlink ref=\"P4\" rel:id=\"rId10\"/></x:hyperlinks></x:worksheet>");
        // The relationships go in POI's order (by id, as text) and form, the address escaped.
        String rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"r\"><Relationship Id=\"rId1\" Target=\"t.xml\" Type=\"table\"/>"
                + "<Relationship Id=\"rId6\" Target=\"https://z.example/\" TargetMode=\"External\" Type=\"h\"/></Relationships>";
        String hyperlink = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
        assertThat(new String(attached.intoRelationships(new ByteArrayInputStream(rels.getBytes(StandardCharsets.UTF_8)))
                .readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<?xml version=\"1.0\"?><Relationships xmlns=\"r\">"
                + "<Relationship Id=\"rId1\" Target=\"t.xml\" Type=\"table\"/>"
                + "<Relationship Id=\"rId10\" Target=\"https://b.example/\" TargetMode=\"External\" Type=\"" + hyperlink + "\"/>"
                + "<Relationship Id=\"rId6\" Target=\"https://z.example/\" TargetMode=\"External\" Type=\"h\"/>"
                + "<Relationship Id=\"rId7\" Target=\"https://a.example/?x=1&amp;y=&quot;2&quot;\" TargetMode=\"External\" Type=\""
                + hyperlink + "\"/></Relationships>");
        // Never a workbook silently without its links.
        assertThatThrownBy(() -> attached.into(new ByteArrayInputStream("<worksheet/>".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sheet1.xml");
    }

    @Test
    void streamsManyRows() throws IOException {
        int n = 20_000;
        try (var wb = render(SampleBriefings.small(), SampleBriefings.manyRows(n))) {
            XSSFSheet sheet = wb.getSheet("Initiatives");
            assertThat(sheet.getLastRowNum()).isEqualTo(n);
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(n + 1);
            assertThat(sheet.getRow(n).getCell(0).getStringCellValue()).isEqualTo("synthetic-19999");
            // 19999 % 1000 = 999, so 999.25
            assertThat(sheet.getRow(n).getCell(13).getNumericCellValue()).isEqualTo(999.25);
            assertThat(sheet.getTables().get(0).getArea().formatAsString()).isEqualTo("A1:Q20001");
            assertThat(wb.getSheet("Sources").getLastRowNum()).isEqualTo(n);
            // Links stop after Links.MAX_LINKS_PER_SHEET (10,000): row 10,000 is the last one linked.
            Sheet sources = wb.getSheet("Sources");
            assertThat(sources.getRow(10_000).getCell(5).getHyperlink().getAddress())
                    .isEqualTo("https://example.org/synthetic-9999");
            assertThat(sources.getRow(10_001).getCell(5).getHyperlink()).isNull();
            assertThat(sources.getRow(n).getCell(5).getStringCellValue()).isEqualTo("https://example.org/synthetic-19999");
            assertThat(sheet.getHyperlinkList()).hasSize(10_000);
            // Every link is on its own cell and goes where the cell says.
            var linked = new java.util.HashSet<String>();
            for (var link : sheet.getHyperlinkList()) {
                assertThat(linked.add(link.getCellRef())).as(link.getCellRef()).isTrue();
                var ref = new org.apache.poi.ss.util.CellReference(link.getCellRef());
                assertThat(ref.getCol()).isEqualTo((short) 15);
                assertThat(link.getAddress()).isEqualTo(sheet.getRow(ref.getRow()).getCell(15).getStringCellValue());
            }
            assertThat(((XSSFSheet) sources).getHyperlinkList()).hasSize(10_000);
        }
    }

    @Test
    void rowsBeyondTheRowLimitAreLeftOutAndReported() throws IOException {
        // Excel's limit is 1,048,576 rows; the sheets take a lower limit here so that the test stays small.
        var opened = WorkbookTemplate.open(TEMPLATE);
        Path out = dir.resolve("capped.xlsx");
        try (var xssf = opened.workbook(); var wb = new WorkbookBriefingRenderer.SavingWorkbook(xssf)) {
            try {
                StreamedCount initiatives = new InitiativesSheet(wb, opened.styles(), 3).write(SampleBriefings.manyRows(10));
                StreamedCount sources = new SourcesSheet(wb, opened.styles(), 5).write(SampleBriefings.manyRows(10));
                assertThat(initiatives).isEqualTo(new StreamedCount(3, 7));
                assertThat(sources).isEqualTo(new StreamedCount(5, 5));
                new SummarySheet(wb, opened.styles()).write(SampleBriefings.small(), initiatives, sources);
                try (OutputStream os = Files.newOutputStream(out)) {
                    wb.write(os);
                }
            } finally {
                wb.dispose();
            }
        }
        try (InputStream in = Files.newInputStream(out); var wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet("Initiatives");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("synthetic-2");
            assertThat(sheet.getTables().get(0).getArea().formatAsString()).isEqualTo("A1:Q4");
            // The dimension POI gives a streamed sheet: the streamed rows (not the template's header), all columns.
            assertThat(sheet.getCTWorksheet().getDimension().getRef()).isEqualTo("A2:Q4");
            assertThat(wb.getSheet("Sources").getCTWorksheet().getDimension().getRef()).isEqualTo("A2:F6");
            assertThat(wb.getSheet("Sources").getLastRowNum()).isEqualTo(5);
            Sheet summary = wb.getSheet("Summary");
            assertThat(rowLabelled(summary, "The Initiatives sheet lists the first 3 of 10 initiatives (Excel's row limit)."))
                    .isNotNull();
            assertThat(rowLabelled(summary, "The Sources sheet lists the first 5 of 10 sources (Excel's row limit)."))
                    .isNotNull();
        }
    }

    @Test
    void stylesComeFromTheTemplateNotOnePerCell() throws IOException {
        int templateStyles;
        try (InputStream in = Files.newInputStream(TEMPLATE); var template = new XSSFWorkbook(in)) {
            templateStyles = template.getNumCellStyles();
        }
        try (var wb = render(SampleBriefings.small(), SampleBriefings.manyRows(500))) {
            assertThat(wb.getNumCellStyles()).isEqualTo(templateStyles);
        }
    }

    @Test
    void theTemplateIsLeftUntouched() throws IOException {
        byte[] before = Files.readAllBytes(TEMPLATE);
        renderSmall().close();
        assertThat(Files.readAllBytes(TEMPLATE)).isEqualTo(before);
    }

    @Test
    void missingTemplateIsNamed() {
        Path missing = dir.resolve("nowhere/workbook.xlsx");
        assertThatThrownBy(() -> new WorkbookBriefingRenderer(missing)
                .render(SampleBriefings.small(), SampleBriefings.smallRows(), dir.resolve("out.xlsx")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("missing");
        assertThat(dir.resolve("out.xlsx")).doesNotExist();
    }

    @Test
    void unreadableTemplateIsNamed() throws IOException {
        Path garbage = dir.resolve("garbage.xlsx");
        Files.writeString(garbage, "this is not a workbook");
        assertThatThrownBy(() -> new WorkbookBriefingRenderer(garbage)
                .render(SampleBriefings.small(), SampleBriefings.smallRows(), dir.resolve("out.xlsx")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(garbage.toString())
                .hasMessageContaining("cannot be read");
    }

    @Test
    void templateWithoutASheetIsNamed() throws IOException {
        Path partial = dir.resolve("partial.xlsx");
        try (var wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(partial)) {
            wb.createSheet("Summary");
            wb.createSheet("Styles");
            wb.write(os);
        }
        assertThatThrownBy(() -> new WorkbookBriefingRenderer(partial)
                .render(SampleBriefings.small(), SampleBriefings.smallRows(), dir.resolve("out.xlsx")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(partial.toString())
                .hasMessageContaining("'Initiatives'");
    }

    @Test
    void templateWithoutAStyleIsNamed() throws IOException {
        Path copy = dir.resolve("nostyle.xlsx");
        try (InputStream in = Files.newInputStream(TEMPLATE); var wb = new XSSFWorkbook(in);
             OutputStream os = Files.newOutputStream(copy)) {
            var styles = wb.getSheet("Styles");
            for (Row row : styles) {
                if (row.getCell(0).getStringCellValue().equals("money")) {
                    row.getCell(0).setCellValue("renamed");
                }
            }
            wb.write(os);
        }
        assertThatThrownBy(() -> new WorkbookBriefingRenderer(copy)
                .render(SampleBriefings.small(), SampleBriefings.smallRows(), dir.resolve("out.xlsx")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(copy.toString())
                .hasMessageContaining("'money'");
    }

    @Test
    void dateStyleWithoutADateFormatIsRejected() throws IOException {
        Path copy = dir.resolve("nodate.xlsx");
        try (InputStream in = Files.newInputStream(TEMPLATE); var wb = new XSSFWorkbook(in);
             OutputStream os = Files.newOutputStream(copy)) {
            for (Row row : wb.getSheet("Styles")) {
                if (row.getCell(0).getStringCellValue().equals("date")) {
                    var general = wb.createCellStyle();
                    row.getCell(1).setCellStyle(general);
                }
            }
            wb.write(os);
        }
        assertThatThrownBy(() -> new WorkbookBriefingRenderer(copy)
                .render(SampleBriefings.small(), SampleBriefings.smallRows(), dir.resolve("out.xlsx")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(copy.toString())
                .hasMessageContaining("'date'");
    }

    @Test
    void theGeneratorMakesAUsableTemplate() throws IOException {
        Path generated = dir.resolve("generated.xlsx");
        WorkbookTemplateGenerator.generate(generated);
        Path out = dir.resolve("from-generated.xlsx");
        new WorkbookBriefingRenderer(generated).render(SampleBriefings.small(), SampleBriefings.smallRows(), out);
        try (InputStream in = Files.newInputStream(out); var wb = new XSSFWorkbook(in)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(6);
            assertThat(wb.getSheet("Initiatives").getLastRowNum()).isEqualTo(4);
        }
    }

    @Test
    void analystRowsAboveTheHeaderAreKept() throws IOException {
        // An analyst may put a banner above the Initiatives header: the header is the template's last row.
        Path copy = dir.resolve("banner.xlsx");
        try (InputStream in = Files.newInputStream(TEMPLATE); var wb = new XSSFWorkbook(in);
             OutputStream os = Files.newOutputStream(copy)) {
            var sheet = wb.getSheet("Initiatives");
            sheet.shiftRows(0, 0, 1);
            sheet.createRow(0).createCell(0).setCellValue("Banner");
            wb.write(os);
        }
        Path out = dir.resolve("banner-out.xlsx");
        new WorkbookBriefingRenderer(copy).render(SampleBriefings.small(), SampleBriefings.smallRows(), out);
        try (InputStream in = Files.newInputStream(out); var wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet("Initiatives");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Banner");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("ID");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("us-au-framework");
            assertThat(sheet.getTables().get(0).getArea().formatAsString()).isEqualTo("A2:Q6");
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 2);
        }
    }
}
