package dev.briefings.render.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;

/**
 * The one font every part of the PDF uses: IPAex Gothic, bundled in the jar, which covers Latin and Japanese
 * (Flying Saucer has no per-character fallback, so a single face must cover both). Loaded once per renderer:
 * Flying Saucer reads font tables from a path, so the classpath font is copied to a temp file deleted on exit.
 * The parsed {@link BaseFont} is shared by all renders (each PDF writer keeps its own subset of used glyphs),
 * and the AWT font made from the same file lets JFreeChart measure chart labels with the glyphs it draws.
 * <p>
 * For PDF/A and byte-identical reruns the subset is written without a CIDSet (optional in PDF/A-2, and OpenPDF's
 * leaves out the glyphs that composite glyphs pull in, which a validator rejects) and with a fixed subset tag.
 */
final class BundledFont implements FontMapper {

    /** The CSS family name; the template's font-family must name only this. */
    static final String FAMILY = "IPAexGothic";
    private static final String RESOURCE = "/fonts/ipaexg.ttf";

    private final Path file;
    private final BaseFont baseFont;
    private final Font awtFont;

    private BundledFont(Path file, BaseFont baseFont, Font awtFont) {
        this.file = file;
        this.baseFont = baseFont;
        this.awtFont = awtFont;
    }

    static BundledFont load() {
        try (InputStream in = BundledFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Bundled font " + RESOURCE + " is missing from the classpath");
            }
            Path file = Files.createTempFile("briefings-ipaexg-", ".ttf");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            // cached=false: no entry in OpenPDF's global font cache; this instance owns its font.
            BaseFont base = BaseFont.createFont(file.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, null, null);
            base.setIncludeCidSet(false);
            base.setSecureRandom(new FixedSubsetTag());
            Font awt = Font.createFont(Font.TRUETYPE_FONT, file.toFile());
            return new BundledFont(file, base, awt);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the bundled font " + RESOURCE, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("The bundled font " + RESOURCE + " is not a TrueType font", e);
        }
    }

    Path file() {
        return file;
    }

    BaseFont baseFont() {
        return baseFont;
    }

    /** The AWT face at the given style and size, for chart text. */
    Font awt(int style, float size) {
        return awtFont.deriveFont(style, size);
    }

    /** Chart text is written with the bundled font whatever AWT font JFreeChart asks for. */
    @Override
    public BaseFont awtToPdf(Font font) {
        return baseFont;
    }

    @Override
    public Font pdfToAwt(BaseFont font, int size) {
        return awtFont.deriveFont((float) size);
    }

    /**
     * OpenPDF draws the six letters of a subset tag ("ABCDEF+IPAexGothic") at random; they need only tell apart
     * the subsets of one file, and a briefing has one, so a fixed tag costs nothing and keeps reruns identical.
     */
    private static final class FixedSubsetTag extends SecureRandom {
        private static final long serialVersionUID = 1L;

        @Override
        public double nextDouble() {
            return 0.0; // every letter 'A': the tag is AAAAAA
        }
    }
}
