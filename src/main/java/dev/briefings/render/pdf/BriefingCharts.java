package dev.briefings.render.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import dev.briefings.briefing.Breakdown;
import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.Dimension;
import dev.briefings.briefing.TimelinePoint;

/**
 * The briefing's charts, styled as a research note rather than JFreeChart's defaults: white ground, hairline
 * grid, navy bars, the bundled font, USD axes in millions. Each call builds a new chart (charts are mutable).
 */
final class BriefingCharts {

    static final Color NAVY = new Color(0x1F, 0x3A, 0x5F);
    static final Color SLATE = new Color(0x5B, 0x7D, 0xA8);
    private static final Color INK = new Color(0x33, 0x3D, 0x4A);
    private static final Color GRID = new Color(0xDD, 0xE1, 0xE6);
    private static final BigDecimal MILLION = new BigDecimal("1000000");
    /** Parties beyond this many are left to the workbook; the chart stays readable. */
    private static final int MAX_BARS = 12;
    /** Names beside horizontal bars take at most this share of the plot's width, then wrap. */
    private static final float LABEL_WIDTH_SHARE = 0.45f;

    private final BundledFont font;

    BriefingCharts(BundledFont font) {
        this.font = font;
    }

    /** The chart a placeholder names ("stage", "party", "timeline"), or null for an unknown name. */
    JFreeChart chart(String name, BriefingModel model) {
        return switch (name) {
            case "stage" -> committedBars(model.breakdown(Dimension.STAGE), "Committed, USD million", NAVY);
            case "party" -> committedBars(model.breakdown(Dimension.PARTY), "Committed, USD million", SLATE);
            case "timeline" -> announcements(model);
            default -> null;
        };
    }

    private JFreeChart committedBars(Breakdown breakdown, String axisLabel, Color colour) {
        var data = new DefaultCategoryDataset();
        breakdown.rows().stream()
                .filter(r -> r.committedUsd() != null && r.committedUsd().signum() > 0)
                .limit(MAX_BARS)
                .forEach(r -> data.addValue(r.committedUsd().divide(MILLION).doubleValue(), "Committed", r.label()));
        var value = new NumberAxis(axisLabel);
        value.setNumberFormatOverride(decimal("#,##0.##"));
        CategoryPlot plot = plot(data, new ReadableCategoryAxis(LABEL_WIDTH_SHARE), value, bars(new BarRenderer(), colour),
                PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        // Value labels just right of each bar end.
        plot.getRenderer().setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        plot.getRenderer().setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", decimal("#,##0.##")));
        plot.setNoDataMessage("No committed funding in scope");
        return chart(plot);
    }

    private JFreeChart announcements(BriefingModel model) {
        var data = new DefaultCategoryDataset();
        for (TimelinePoint p : model.timeline()) {
            data.addValue(p.announcements(), "Announcements", p.period());
        }
        var value = new NumberAxis("Announcements");
        value.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        var quarters = new ReadableCategoryAxis(LABEL_WIDTH_SHARE);
        // Counts above the bars only while the quarters fit across; upright they would crowd. The value axis stays.
        var renderer = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isItemLabelVisible(int row, int column) {
                return quarters.layout() != ReadableCategoryAxis.Layout.UPRIGHT && super.isItemLabelVisible(row, column);
            }
        };
        CategoryPlot plot = plot(data, quarters, value, bars(renderer, NAVY), PlotOrientation.VERTICAL);
        plot.setNoDataMessage("No announcements in scope");
        return chart(plot);
    }

    private CategoryPlot plot(DefaultCategoryDataset data, CategoryAxis category, NumberAxis value, BarRenderer renderer,
                              PlotOrientation orientation) {
        Font tick = font.awt(Font.PLAIN, 7.5f);
        Font label = font.awt(Font.PLAIN, 8f);

        category.setTickLabelFont(tick);
        category.setTickLabelPaint(INK);
        category.setAxisLinePaint(GRID);
        category.setTickMarksVisible(false);
        category.setCategoryMargin(0.25);
        category.setLowerMargin(0.03);
        category.setUpperMargin(0.03);

        value.setTickLabelFont(tick);
        value.setTickLabelPaint(INK);
        value.setLabelFont(label);
        value.setLabelPaint(INK);
        value.setAxisLineVisible(false);
        value.setTickMarksVisible(false);
        value.setUpperMargin(0.15);

        var plot = new CategoryPlot(data, category, value, renderer);
        plot.setOrientation(orientation);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(4, 2, 2, 8));
        plot.setNoDataMessageFont(label);
        plot.setNoDataMessagePaint(INK);
        return plot;
    }

    private BarRenderer bars(BarRenderer renderer, Color colour) {
        Font tick = font.awt(Font.PLAIN, 7.5f);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, colour);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(tick);
        renderer.setDefaultItemLabelPaint(INK);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", decimal("#,##0")));
        return renderer;
    }

    private static JFreeChart chart(CategoryPlot plot) {
        var chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setPadding(RectangleInsets.ZERO_INSETS);
        return chart;
    }

    private static DecimalFormat decimal(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    }
}
