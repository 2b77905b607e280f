package dev.briefings.render.pdf;

import org.jfree.chart.JFreeChart;
import org.w3c.dom.Element;
import org.xhtmlrenderer.extend.ReplacedElement;
import org.xhtmlrenderer.extend.ReplacedElementFactory;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.simple.extend.FormSubmissionListener;

import dev.briefings.briefing.BriefingModel;

/**
 * Turns {@code <img src="chart:NAME" style="width:..;height:.."/>} into a vector chart of this render's model;
 * everything else goes to Flying Saucer's own factory (whose image loads pass through the locked user agent).
 * One instance per render.
 */
final class ChartElementFactory implements ReplacedElementFactory {

    static final String SCHEME = "chart:";
    /** Used when the template gives no size: 16 cm by 7 cm at Flying Saucer's 20 dots per point. */
    private static final int DEFAULT_WIDTH = 9070;
    private static final int DEFAULT_HEIGHT = 3970;

    private final ReplacedElementFactory delegate;
    private final BriefingCharts charts;
    private final BriefingModel model;
    private final BundledFont font;

    ChartElementFactory(ReplacedElementFactory delegate, BriefingCharts charts, BriefingModel model, BundledFont font) {
        this.delegate = delegate;
        this.charts = charts;
        this.model = model;
        this.font = font;
    }

    @Override
    public ReplacedElement createReplacedElement(LayoutContext c, BlockBox box, UserAgentCallback uac,
                                                 int cssWidth, int cssHeight) {
        Element e = box.getElement();
        if (e != null && "img".equals(e.getNodeName()) && e.getAttribute("src").startsWith(SCHEME)) {
            JFreeChart chart = charts.chart(e.getAttribute("src").substring(SCHEME.length()), model);
            if (chart != null) {
                return new ChartElement(chart, font, cssWidth > 0 ? cssWidth : DEFAULT_WIDTH,
                        cssHeight > 0 ? cssHeight : DEFAULT_HEIGHT);
            }
        }
        return delegate.createReplacedElement(c, box, uac, cssWidth, cssHeight);
    }

    @Override
    public void reset() {
        delegate.reset();
    }

    @Override
    public void remove(Element e) {
        delegate.remove(e);
    }

    @Override
    public void setFormSubmissionListener(FormSubmissionListener listener) {
        delegate.setFormSubmissionListener(listener);
    }
}
