package dev.briefings.render.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextReplacedElementFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfWriter;

import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.PlainText;

/**
 * Renders a {@link BriefingModel} to PDF: Thymeleaf fills the template folder's {@code briefing.html} (XHTML,
 * record text always through {@code th:text}, so it stays text), Flying Saucer lays it out with
 * {@code briefing.css} and draws through OpenPDF, with charts as vector graphics and one bundled font.
 * <p>
 * The file is PDF/A-2b (see {@link ArchivalListener}) and depends only on the model and the template: the same
 * model renders to the same bytes.
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
    private final byte[] stylesheet;
    private final SpringTemplateEngine engine;
    private final BundledFont font;
    private final BriefingCharts charts;
    private final BriefingFormatter formatter = new BriefingFormatter();
    private final Consumer<String> requests;
    private final ICC_Profile srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB);

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
        this.stylesheet = read(this.templateDir.resolve(STYLESHEET));
        this.engine = engine(this.templateDir);
        this.font = BundledFont.load();
        this.charts = new BriefingCharts(font);
    }

    /**
     * Does the first-use work of a render that does not depend on the model: Thymeleaf's engine set up, the template
     * parsed (by filling it with {@code specimen}) and the PDF's standard fonts read (OpenPDF keeps them for the
     * JVM). For a run that renders one briefing, ahead of it: about a third of a first render, without laying out
     * and writing a whole made-up PDF.
     */
    public void prepare(BriefingModel specimen) {
        fill(specimen);
        new ITextFontResolver().getFonts();
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
        renderer.setDocumentFromString(xhtml, templateDir.toUri().toString());
        // PDF/A-2 is based on PDF 1.7.
        renderer.setPDFVersion(PdfWriter.VERSION_1_7);
        var desk = model.meta().desk();
        renderer.setListener(new ArchivalListener("Briefings " + model.meta().applicationVersion(),
                desk == null ? null : desk.name(), model.meta().asOf(), documentId(model, xhtml), language(renderer), srgb));
        renderer.layout();
        return renderer;
    }

    /**
     * The file identifier: a digest of what the PDF is made from (the filled template, which holds every figure
     * and text it shows, the stylesheet, and the chart data), so the same briefing always gets the same one.
     */
    private byte[] documentId(BriefingModel model, String xhtml) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update(xhtml.getBytes(StandardCharsets.UTF_8));
            sha.update(stylesheet);
            sha.update(String.valueOf(model.breakdowns()).getBytes(StandardCharsets.UTF_8));
            sha.update(String.valueOf(model.timeline()).getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The template's {@code lang} (or {@code xml:lang}) on its root element: the PDF's document language. */
    private static String language(ITextRenderer renderer) {
        var root = renderer.getDocument().getDocumentElement();
        String lang = root.getAttribute("lang");
        return lang.isBlank() ? root.getAttributeNS(XMLConstants.XML_NS_URI, "lang") : lang;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TemplateException(file, "cannot be read: " + e.getMessage(), e);
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
