package dev.briefings.render.pdf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextReplacedElementFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;

import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.PlainText;

/**
 * Renders a {@link BriefingModel} to PDF: Thymeleaf fills the template folder's {@code briefing.html} (XHTML,
 * record text always through {@code th:text}, so it stays text), Flying Saucer lays it out with
 * {@code briefing.css} and draws through OpenPDF, with charts as vector graphics and one bundled font.
 * <p>
 * Create once and reuse: the template is checked and parsed and the font loaded in the constructor; each
 * {@link #render} builds its own layout objects, so renders may run on several threads at once.
 */
public final class PdfBriefingRenderer {

    static final String TEMPLATE = "briefing.html";
    static final String STYLESHEET = "briefing.css";
    private static final String TEMPLATE_NAME = "briefing";

    private final Path templateDir;
    private final Path templateFile;
    private final SpringTemplateEngine engine;
    private final BundledFont font;
    private final BriefingCharts charts;
    private final BriefingFormatter formatter = new BriefingFormatter();
    private final Consumer<String> requests;

    /**
     * @param templateDir the folder of one template, holding {@code briefing.html} and {@code briefing.css}
     * @throws TemplateException when the folder or a file is missing or unreadable, or the template is not well-formed
     */
    public PdfBriefingRenderer(Path templateDir) {
        this(templateDir, uri -> { });
    }

    /** @param requests told every address Flying Saucer asks to load (for tests: nothing outside the folder) */
    PdfBriefingRenderer(Path templateDir, Consumer<String> requests) {
        this.templateDir = templateDir.toAbsolutePath().normalize();
        this.templateFile = this.templateDir.resolve(TEMPLATE);
        this.requests = requests;
        checkReadable(this.templateDir, true);
        checkReadable(templateFile, false);
        checkReadable(this.templateDir.resolve(STYLESHEET), false);
        checkWellFormed(templateFile);
        this.engine = engine(this.templateDir);
        this.font = BundledFont.load();
        this.charts = new BriefingCharts(font);
    }

    /** Writes the briefing as PDF to {@code out}, replacing it. */
    public void render(BriefingModel model, Path out) {
        String xhtml = fill(model);
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out))) {
            layout(model, xhtml).createPDF(stream);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the PDF " + out, e);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the PDF " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * The template filled with the model: XHTML for Flying Saucer. Characters XML cannot carry (see
     * {@link PlainText}) become U+FFFD, whether they came from a record, a filter, a rule or the template: one
     * such character would otherwise stop the parser and so the whole briefing.
     */
    String fill(BriefingModel model) {
        var context = new Context(Locale.ENGLISH);
        context.setVariable("model", model);
        context.setVariable("fmt", formatter);
        try {
            return PlainText.cleaned(engine.process(TEMPLATE_NAME, context));
        } catch (TemplateEngineException e) {
            throw new TemplateException(templateFile, "cannot be filled: " + e.getMessage(), e);
        }
    }

    private ITextRenderer layout(BriefingModel model, String xhtml) {
        var device = new ITextOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        var agent = new TemplateUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, templateDir, requests);
        var fonts = new ITextFontResolver();
        fonts.addFont(font.baseFont(), font.file().toString(), BundledFont.FAMILY);
        var renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT, ITextRenderer.DEFAULT_DOTS_PER_PIXEL,
                device, agent, fonts);
        renderer.getSharedContext().setReplacedElementFactory(
                new ChartElementFactory(new ITextReplacedElementFactory(device), charts, model, font));
        renderer.setListener(new CreatorListener("Briefings " + model.meta().applicationVersion()));
        renderer.setDocumentFromString(xhtml, templateDir.toUri().toString());
        renderer.layout();
        return renderer;
    }

    /**
     * Flying Saucer maps {@code <meta name="title|author|subject|keywords">} to the document information but
     * treats "creator" as the author (Dublin Core), so the creating application is written here.
     */
    private static final class CreatorListener extends DefaultPDFCreationListener {
        private final String creator;

        CreatorListener(String creator) {
            this.creator = creator;
        }

        @Override
        public void preWrite(ITextRenderer renderer, int pageCount) {
            renderer.getWriter().getInfo().put(PdfName.CREATOR, new PdfString(creator, PdfObject.TEXT_UNICODE));
        }
    }

    private static SpringTemplateEngine engine(Path dir) {
        var resolver = new FileTemplateResolver();
        resolver.setPrefix(dir.toString() + dir.getFileSystem().getSeparator());
        resolver.setSuffix(".html");
        // XML mode: the template must be well-formed, and so is what Flying Saucer's XML parser receives.
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    private static void checkReadable(Path path, boolean folder) {
        if (folder ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
            throw new TemplateException(path, folder ? "template folder not found" : "file not found");
        }
        if (!Files.isReadable(path)) {
            throw new TemplateException(path, "not readable");
        }
    }

    /** Fails early, with a line number, on the commonest template edit error: markup that is not well-formed. */
    private static void checkWellFormed(Path file) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors, prints nothing
            builder.parse(file.toFile());
        } catch (SAXParseException e) {
            throw new TemplateException(file, "not well-formed XHTML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new TemplateException(file, "does not parse: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TemplateException(file, "cannot be read: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No usable XML parser", e);
        }
    }
}
