package dev.briefings.render.pdf;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.CategoryTick;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.text.G2TextMeasurer;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextBlockAnchor;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A category axis whose labels are never cut, whatever the number of categories and the size of the chart.
 * JFreeChart's own axis gives each label a fixed share of the room and ends a label that does not fit with "…"
 * (a quarter became "2…"). This one measures the labels in the chart's font against the room each category has
 * when the chart is drawn:
 * <ul>
 *   <li>below the bars (a vertical bar chart): labels written across while the widest fits; else turned upright (90°,
 *       which stays one line of text in the PDF); and if even upright labels would touch, only every n-th category
 *       is labelled, the first one always;</li>
 *   <li>beside the bars (a horizontal bar chart): names in a column as wide as the widest, from {@code maxWidthShare}
 *       up to 60% of the plot's width; past that in smaller type (down to 6 pt), then wrapped onto as many lines as a
 *       bar's height holds (at most three).</li>
 * </ul>
 * The layout is worked out when JFreeChart reserves the axis's room, so the room reserved and the labels drawn
 * agree. One chart is drawn once (charts are built per render), so the layout is kept on the instance.
 */
final class ReadableCategoryAxis extends CategoryAxis {

    private static final long serialVersionUID = 1L;
    private static final int MAX_LINES = 3;
    /** Names beside bars never take more than this share of the plot's width... */
    private static final double MAX_WIDTH_SHARE = 0.6;
    /** ...nor get smaller type than this, in points. */
    private static final float MIN_FONT_SIZE = 6f;
    /** Room kept clear between neighbouring labels, in points. */
    private static final double GAP = 2.0;

    /** How labels below the bars are set. */
    enum Layout { ACROSS, UPRIGHT }

    private final float maxWidthShare;
    /** The font the chart gave; the one used may be smaller. */
    private Font baseFont;
    private Layout layout;
    /** Beside the bars: the width of the names' column, in points. */
    private double labelWidth;
    /** 1 when every category is labelled, n when every n-th one is. */
    private int step = 1;
    private int lines = 1;

    ReadableCategoryAxis(float maxWidthShare) {
        super(null);
        this.maxWidthShare = maxWidthShare;
    }

    Layout layout() {
        return layout;
    }

    @Override
    public AxisSpace reserveSpace(Graphics2D g2, Plot plot, Rectangle2D plotArea, RectangleEdge edge, AxisSpace space) {
        // The data area is the plot area less the room of both axes; the value axis's room is measured here.
        CategoryPlot categoryPlot = (CategoryPlot) plot;
        Rectangle2D dataArea = plotArea;
        if (categoryPlot.getRangeAxis() != null) {
            dataArea = categoryPlot.getRangeAxis()
                    .reserveSpace(g2, plot, plotArea, categoryPlot.getRangeAxisEdge(), new AxisSpace())
                    .shrink(plotArea, null);
        }
        plan(g2, dataArea, edge);
        return super.reserveSpace(g2, plot, plotArea, edge, space);
    }

    private List<Comparable<?>> categories() {
        @SuppressWarnings("unchecked")
        List<Comparable<?>> categories = ((CategoryPlot) getPlot()).getCategoriesForAxis(this);
        return categories;
    }

    private void plan(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        if (baseFont == null) {
            baseFont = getTickLabelFont();
        }
        List<Comparable<?>> categories = categories();
        int n = Math.max(1, categories.size());
        FontMetrics metrics = g2.getFontMetrics(baseFont);
        double lineHeight = metrics.getAscent() + metrics.getDescent();
        double widest = 0;
        for (Comparable<?> c : categories) {
            widest = Math.max(widest, metrics.getStringBounds(c.toString(), g2).getWidth());
        }
        boolean below = RectangleEdge.isTopOrBottom(edge);
        // The distance between the centres of neighbouring categories, in points.
        double pitch = (below ? dataArea.getWidth() : dataArea.getHeight()) * (1 - getLowerMargin() - getUpperMargin()) / n;
        float size = baseFont.getSize2D();
        step = 1;
        lines = 1;
        layout = Layout.ACROSS;
        if (below) {
            if (widest + GAP > pitch) {
                layout = Layout.UPRIGHT;
                step = (int) Math.max(1, Math.ceil((lineHeight + GAP) / pitch));
            }
        } else {
            // Beside the bars: the names' column grows to fit the widest, up to a limit; then the type gets
            // smaller, down to a limit; then names wrap onto the lines a bar's height holds; only then are they cut.
            labelWidth = Math.min(Math.max(maxWidthShare * dataArea.getWidth(), widest), MAX_WIDTH_SHARE * dataArea.getWidth());
            if (widest > labelWidth) {
                // A little under the exact ratio: glyph widths do not scale quite linearly with the size.
                size = (float) Math.max(MIN_FONT_SIZE, size * labelWidth / widest * 0.98);
            }
            lines = (int) Math.max(1, Math.min(MAX_LINES, Math.floor(pitch / (lineHeight * size / baseFont.getSize2D()))));
        }
        setTickLabelFont(baseFont.deriveFont(size));
        // JFreeChart places the labels by the axis's label positions, so they must say the same.
        setCategoryLabelPositions(layout == Layout.UPRIGHT ? CategoryLabelPositions.UP_90 : CategoryLabelPositions.STANDARD);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List ticks = new ArrayList();
        if (dataArea.getHeight() <= 0.0 || dataArea.getWidth() < 0.0) {
            return ticks;
        }
        if (layout == null) {
            plan(g2, dataArea, edge);
        }
        g2.setFont(getTickLabelFont());
        var measurer = new G2TextMeasurer(g2);
        boolean below = RectangleEdge.isTopOrBottom(edge);
        boolean upright = below && layout == Layout.UPRIGHT;
        double max = 0;
        int index = 0;
        for (Comparable<?> category : categories()) {
            TextBlock label;
            if (index % step != 0) {
                label = new TextBlock(); // thinned out: no text at all
            } else if (upright) {
                label = new TurnedText();
                label.addLine(category.toString(), getTickLabelFont(category), getTickLabelPaint(category));
            } else if (below) {
                label = TextUtils.createTextBlock(category.toString(), getTickLabelFont(category),
                        getTickLabelPaint(category)); // one line, never wrapped or cut
            } else {
                label = TextUtils.createTextBlock(category.toString(), getTickLabelFont(category),
                        getTickLabelPaint(category), (float) labelWidth, lines, measurer);
            }
            var size = label.calculateDimensions(g2);
            max = Math.max(max, below == upright ? size.getWidth() : size.getHeight());
            if (upright) {
                // Read from bottom to top, ending just under the axis.
                ticks.add(new CategoryTick(category, label, TextBlockAnchor.CENTER_RIGHT, TextAnchor.CENTER_RIGHT,
                        -Math.PI / 2));
            } else if (below) {
                ticks.add(new CategoryTick(category, label, TextBlockAnchor.TOP_CENTER, TextAnchor.TOP_CENTER, 0));
            } else {
                ticks.add(new CategoryTick(category, label, TextBlockAnchor.CENTER_RIGHT, TextAnchor.CENTER_RIGHT, 0));
            }
            index++;
        }
        state.setMax(max);
        return ticks;
    }

    /**
     * A label drawn turned as text. JFreeChart draws turned text through a TextLayout, which the PDF graphics
     * writes as glyph outlines that no reader can search, copy or read aloud; turning the graphics and drawing the
     * label level writes it as text in a turned text matrix, in the same place.
     */
    static final class TurnedText extends TextBlock {

        private static final long serialVersionUID = 1L;

        @Override
        public void draw(Graphics2D g2, float anchorX, float anchorY, TextBlockAnchor anchor, float rotateX,
                         float rotateY, double angle) {
            AffineTransform saved = g2.getTransform();
            g2.rotate(angle, rotateX, rotateY);
            super.draw(g2, anchorX, anchorY, anchor, rotateX, rotateY, 0.0);
            g2.setTransform(saved);
        }
    }
}
