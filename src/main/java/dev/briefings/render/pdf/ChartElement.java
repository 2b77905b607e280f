package dev.briefings.render.pdf;

import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.JFreeChart;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElement;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.PageBox;
import org.xhtmlrenderer.render.RenderingContext;

import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;

/**
 * A chart placeholder laid out by Flying Saucer and painted as vector graphics: JFreeChart draws into an
 * OpenPDF form XObject through PdfGraphics2D (text in the bundled font), never into a bitmap.
 */
final class ChartElement implements ITextReplacedElement {

    private final JFreeChart chart;
    private final BundledFont font;
    private final int width;
    private final int height;
    private Point location = new Point(0, 0);

    /** @param width, height in Flying Saucer dots */
    ChartElement(JFreeChart chart, BundledFont font, int width, int height) {
        this.chart = chart;
        this.font = font;
        this.width = width;
        this.height = height;
    }

    @Override
    public void paint(RenderingContext c, ITextOutputDevice device, BlockBox box) {
        float dotsPerPoint = device.getDotsPerPoint();
        float w = width / dotsPerPoint;
        float h = height / dotsPerPoint;
        PdfContentByte cb = device.getCurrentPage();
        PdfTemplate template = cb.createTemplate(w, h);
        Graphics2D g2 = template.createGraphics(w, h, font);
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, w, h));
        } finally {
            g2.dispose();
        }
        // Flying Saucer measures from the page's top-left in dots; PDF from the bottom-left in points.
        PageBox page = c.getPage();
        float x = box.getAbsX() + page.getMarginBorderPadding(c, CalculatedStyle.Edge.LEFT);
        float y = page.getBottom() - (box.getAbsY() + height) + page.getMarginBorderPadding(c, CalculatedStyle.Edge.BOTTOM);
        cb.addTemplate(template, x / dotsPerPoint, y / dotsPerPoint);
    }

    @Override
    public int getIntrinsicWidth() {
        return width;
    }

    @Override
    public int getIntrinsicHeight() {
        return height;
    }

    @Override
    public Point getLocation() {
        return location;
    }

    @Override
    public void setLocation(int x, int y) {
        location = new Point(x, y);
    }

    @Override
    public void detach(LayoutContext c) {
        // nothing held outside this element
    }

    @Override
    public boolean isRequiresInteractivePaint() {
        return false;
    }

    @Override
    public boolean hasBaseline() {
        return false;
    }

    @Override
    public int getBaseline() {
        return 0;
    }
}
