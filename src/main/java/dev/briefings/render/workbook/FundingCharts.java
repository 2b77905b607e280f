package dev.briefings.render.workbook;

import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTCatAx;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;

/**
 * Native Excel charts on the Funding sheet. They are drawn on the XSSF sheet behind the streamed one (SXSSF keeps
 * its drawing part). The streamed cells are not readable through the XSSF sheet, so each series carries its values
 * as a cache plus a reference to the cells, which Excel uses from then on.
 */
final class FundingCharts {

    /** Charts sit to the right of the blocks, stacked. */
    static final int FIRST_COLUMN = 5;
    static final int WIDTH_COLUMNS = 8;
    static final int HEIGHT_ROWS = 18;
    /** Category labels' size, in points. */
    static final double LABEL_POINTS = 8.0;
    /** Up to this many quarters, their labels are written across. */
    static final int QUARTERS_ACROSS = 8;
    /** Upright text: -90°, in the 60,000ths of a degree DrawingML counts in. */
    static final int UPRIGHT = -5_400_000;
    /** Room per quarter across the timeline chart (an 8 pt line upright, with a gap), in pixels... */
    static final int PIXELS_PER_QUARTER = 18;
    /** ...plus the chart's axes, titles and margins. */
    static final int CHART_FRAME_PIXELS = 160;

    private final XSSFSheet sheet;
    private final int top;
    private int placed;

    FundingCharts(XSSFSheet sheet, int top) {
        this.sheet = sheet;
        this.top = top;
    }

    /**
     * Horizontal bars, so that long names (parties, stages) read across in one line beside their bar, in the order
     * of the rows (largest first, on top).
     */
    void committedBars(String title, List<String> labels, List<Double> values, int firstRow, int lastRow) {
        XSSFChart chart = newChart(title, WIDTH_COLUMNS);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
        categories.setOrientation(AxisOrientation.MAX_MIN);
        XDDFValueAxis amounts = chart.createValueAxis(AxisPosition.BOTTOM);
        // With the categories top-down, the value axis crosses at the last one: at the foot of the chart.
        amounts.setCrosses(AxisCrosses.MAX);
        amounts.setCrossBetween(AxisCrossBetween.BETWEEN);
        amounts.setNumberFormat("\"$\"#,##0");
        categoryLabels(chart, categories, 0);
        var data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, amounts);
        data.setBarDirection(BarDirection.BAR);
        data.setVaryColors(false);
        var series = data.addSeries(labels(labels, firstRow, lastRow), numbers(values, 1, firstRow, lastRow));
        series.setTitle("Committed USD", null);
        chart.plot(data);
    }

    /** Announcements as bars on the left axis, committed USD as a line on the right axis. */
    void timeline(List<String> periods, List<Double> announcements, List<Double> committed, int firstRow, int lastRow) {
        XSSFChart chart = newChart("Announcements and committed USD per quarter", timelineColumns(periods.size()));
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFDataSource<String> categories = labels(periods, firstRow, lastRow);

        XDDFCategoryAxis barAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        // Quarters across while a few fit; upright beyond, so Excel neither tilts them nor leaves some out.
        categoryLabels(chart, barAxis, periods.size() <= QUARTERS_ACROSS ? 0 : UPRIGHT);
        XDDFValueAxis counts = chart.createValueAxis(AxisPosition.LEFT);
        counts.setCrosses(AxisCrosses.AUTO_ZERO);
        counts.setCrossBetween(AxisCrossBetween.BETWEEN);
        var bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, barAxis, counts);
        bars.setBarDirection(BarDirection.COL);
        bars.setVaryColors(false);
        bars.addSeries(categories, numbers(announcements, 1, firstRow, lastRow)).setTitle("Announcements", null);
        chart.plot(bars);

        XDDFCategoryAxis lineAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        lineAxis.setVisible(false);
        XDDFValueAxis amounts = chart.createValueAxis(AxisPosition.RIGHT);
        amounts.setCrosses(AxisCrosses.MAX);
        amounts.setNumberFormat("\"$\"#,##0");
        lineAxis.crossAxis(amounts);
        amounts.crossAxis(lineAxis);
        var line = (XDDFLineChartData) chart.createData(ChartTypes.LINE, lineAxis, amounts);
        line.setVaryColors(false);
        line.addSeries(categories, numbers(committed, 2, firstRow, lastRow)).setTitle("Committed USD", null);
        chart.plot(line);
    }

    /** Columns wide enough to give every quarter {@link #PIXELS_PER_QUARTER}, and never fewer than the others. */
    int timelineColumns(int quarters) {
        int needed = CHART_FRAME_PIXELS + quarters * PIXELS_PER_QUARTER;
        int columns = 0;
        for (int width = 0; width < needed || columns < WIDTH_COLUMNS; columns++) {
            width += Math.round(sheet.getColumnWidthInPixels(FIRST_COLUMN + columns));
        }
        return columns;
    }

    /** 8 pt labels, turned by {@code rotation} (60,000ths of a degree), every one shown. */
    private static void categoryLabels(XSSFChart chart, XDDFCategoryAxis axis, int rotation) {
        axis.getOrAddTextProperties().setFontSize(LABEL_POINTS);
        for (CTCatAx ax : chart.getCTChart().getPlotArea().getCatAxList()) {
            if (ax.getAxId().getVal() == axis.getId()) {
                CTTextBody text = ax.getTxPr();
                (text.getBodyPr() != null ? text.getBodyPr() : text.addNewBodyPr()).setRot(rotation);
            }
        }
    }

    private XSSFChart newChart(String title, int widthColumns) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        int row = top + placed * (HEIGHT_ROWS + 2);
        var anchor = drawing.createAnchor(0, 0, 0, 0, FIRST_COLUMN, row, FIRST_COLUMN + widthColumns, row + HEIGHT_ROWS);
        placed++;
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        return chart;
    }

    private XDDFDataSource<String> labels(List<String> labels, int firstRow, int lastRow) {
        return XDDFDataSourcesFactory.fromArray(labels.toArray(new String[0]), ref(0, firstRow, lastRow));
    }

    private XDDFNumericalDataSource<Double> numbers(List<Double> values, int column, int firstRow, int lastRow) {
        return XDDFDataSourcesFactory.fromArray(values.toArray(new Double[0]), ref(column, firstRow, lastRow));
    }

    private String ref(int column, int firstRow, int lastRow) {
        return new CellRangeAddress(firstRow, lastRow, column, column).formatAsString(sheet.getSheetName(), true);
    }
}
