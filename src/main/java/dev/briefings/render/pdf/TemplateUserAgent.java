package dev.briefings.render.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextUserAgent;
import org.xhtmlrenderer.resource.CSSResource;
import org.xhtmlrenderer.resource.ImageResource;
import org.xhtmlrenderer.resource.XMLResource;
import org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler;

/**
 * Flying Saucer's resource loader, locked to the template folder. Record text is data, but a template can still
 * name resources (and a careless template edit might route record text into an attribute), so every fetch is
 * checked here: only files inside the template folder (and Flying Saucer's built-in default stylesheet) load; file:, http:, data: and everything else is refused.
 * Link targets are not fetched, so {@link #resolveURI} still resolves them for link annotations.
 * One instance per render (the parent keeps an image cache).
 */
final class TemplateUserAgent extends ITextUserAgent {

    /** Flying Saucer's own default stylesheet for XHTML (display of div, p, table...), read from its jar. */
    static final String BUILT_IN_CSS = String.valueOf(XhtmlNamespaceHandler.class.getResource("/resources/css/XhtmlNamespaceHandler.css"));

    private final Path templateDir;
    private final Consumer<String> requests;

    /**
     * @param requests told every (resolved) address a fetch was attempted for (allowed or not); for tests and diagnostics
     */
    TemplateUserAgent(ITextOutputDevice device, int dotsPerPixel, Path templateDir, Consumer<String> requests) {
        super(device, dotsPerPixel);
        this.templateDir = templateDir.toAbsolutePath().normalize();
        this.requests = requests;
        setBaseURL(this.templateDir.toUri().toString());
    }

    /** True when the address resolves to a file inside the template folder, or is Flying Saucer's default CSS. */
    boolean allowed(String uri) {
        if (uri == null) {
            return false;
        }
        if (uri.equals(BUILT_IN_CSS)) {
            return true;
        }
        try {
            URI resolved = new URI(uri);
            if (!"file".equalsIgnoreCase(resolved.getScheme()) || resolved.getRawAuthority() != null) {
                return false;
            }
            Path path = Path.of(resolved).toAbsolutePath().normalize();
            return path.startsWith(templateDir) && !path.equals(templateDir);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public CSSResource getCSSResource(String uri) {
        String resolved = checked(uri);
        return allowed(resolved) ? super.getCSSResource(uri) : new CSSResource(new ByteArrayInputStream(new byte[0]));
    }

    @Override
    public ImageResource getImageResource(String uri) {
        String resolved = checked(uri);
        return allowed(resolved) ? super.getImageResource(uri) : new ImageResource(uri, null);
    }

    @Override
    public XMLResource getXMLResource(String uri) {
        String resolved = checked(uri);
        return allowed(resolved) ? super.getXMLResource(uri) : null;
    }

    @Override
    public byte[] getBinaryResource(String uri) {
        String resolved = checked(uri);
        return allowed(resolved) ? super.getBinaryResource(uri) : null;
    }

    /** Last line of defence: whatever path the parent takes, nothing outside the folder is opened. */
    @Override
    protected InputStream openStream(String uri) throws IOException {
        if (!allowed(uri)) {
            throw new IOException("Refused to load " + uri + ": only files in the template folder may be loaded");
        }
        return super.openStream(uri);
    }

    private String checked(String uri) {
        String resolved = uri == null ? null : resolveURI(uri);
        requests.accept(resolved == null ? uri : resolved);
        return resolved;
    }
}
