package dev.briefings.render.workbook;

import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
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

    private final XSSFSheet sheet;
    private final int top;
    private int placed;

    FundingCharts(XSSFSheet sheet, int top) {
        this.sheet = sheet;
        this.top = top;
    }

    void committedBars(String title, List<String> labels, List<Double> values, int firstRow, int lastRow) {
        XSSFChart chart = newChart(title);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis amounts = chart.createValueAxis(AxisPosition.LEFT);
        amounts.setCrosses(AxisCrosses.AUTO_ZERO);
        amounts.setCrossBetween(AxisCrossBetween.BETWEEN);
        amounts.setNumberFormat("\"$\"#,##0");
        var data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, amounts);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        var series = data.addSeries(labels(labels, firstRow, lastRow), numbers(values, 1, firstRow, lastRow));
        series.setTitle("Committed USD", null);
        chart.plot(data);
    }

    /** Announcements as bars on the left axis, committed USD as a line on the right axis. */
    void timeline(List<String> periods, List<Double> announcements, List<Double> committed, int firstRow, int lastRow) {
        XSSFChart chart = newChart("Announcements and committed USD per quarter");
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFDataSource<String> categories = labels(periods, firstRow, lastRow);

        XDDFCategoryAxis barAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
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

    private XSSFChart newChart(String title) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        int row = top + placed * (HEIGHT_ROWS + 2);
        var anchor = drawing.createAnchor(0, 0, 0, 0, FIRST_COLUMN, row, FIRST_COLUMN + WIDTH_COLUMNS, row + HEIGHT_ROWS);
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
