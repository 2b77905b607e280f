package dev.briefings.delivery;

import java.awt.Color;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;

import dev.briefings.briefing.PlainText;
import dev.briefings.render.pdf.PdfAMetadata;

/**
 * Makes a recipient's copy of the master briefing PDF: a visible "Prepared for …" line on every page, the
 * recipient in the document information, and, with a password, AES-256 encryption that allows printing only.
 * An unencrypted copy stays PDF/A-2b like the master (its XMP is rewritten to match its information, and the mark
 * uses the embedded bundled font). PDF/A forbids encryption, so an encrypted copy drops the PDF/A identification
 * and says in its subject that it is not the archival form. The master is only read. Safe to call from several threads: every call has its own reader, stamper and font
 * instance; only the immutable font bytes and the thread-safe random source are shared.
 */
public final class PersonalisedCopies {

    /** A finished copy: where it is, its size and its SHA-256 (lower-case hex). */
    public record CopyResult(Path file, long bytes, String sha256) {
    }

    private static final String FONT_RESOURCE = "/fonts/ipaexg.ttf";
    private static final byte[] FONT_BYTES = fontBytes();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INFO_RECIPIENT = "Recipient";
    private static final String INFO_KEYWORDS = "Keywords";
    private static final String INFO_SUBJECT = "Subject";
    private static final String INFO_MOD_DATE = "ModDate";
    /** OpenPDF's carrier of the master's fixed file identifier; a copy gets its own identifier. */
    private static final String INFO_FILE_ID = "FileId";
    /** Appended to the subject of an encrypted copy. */
    static final String NOT_ARCHIVAL = "encrypted personal copy, not the archival " + PdfAMetadata.CONFORMANCE + " form";

    /*
     * Where the mark goes, in points. The default template's pages have a 20 mm bottom margin whose running footer
     * (7-7.5 pt) starts 4 mm below the content; the mark sits in that gap, 2.3 mm under the content box and above
     * the footer, and starts at the 18 mm left margin; it stops 35 mm short of the right margin, clear of the
     * "Page n of m" counter. Measured from the crop box, so other page sizes work too.
     */
    private static final float MM = 72f / 25.4f;
    private static final float BASELINE_FROM_BOTTOM = 16.2f * MM;
    private static final float SIDE_MARGIN = 18f * MM;
    private static final float PAGE_NUMBER_ROOM = 35f * MM;
    private static final float FONT_SIZE = 6.5f;
    private static final float MIN_FONT_SIZE = 4.5f;
    private static final Color GREY = new Color(0x8a, 0x93, 0x9e);

    private PersonalisedCopies() {
    }

    /**
     * Writes the recipient's copy of {@code masterPdf} to {@code out} (replacing it; written beside it first, then
     * moved, so a reader never sees half a file).
     *
     * @param asOf           the briefing's as-of date, shown in the mark
     * @param passwordOrNull the recipient's password (not kept, not logged), or null for an unencrypted copy
     */
    public static CopyResult personalise(Path masterPdf, Recipient recipient, LocalDate asOf, char[] passwordOrNull,
                                         Path out) {
        Objects.requireNonNull(masterPdf, "masterPdf");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(out, "out");
        if (passwordOrNull != null && passwordOrNull.length == 0) {
            // An empty user password would still encrypt, but anyone could open the copy: refuse rather than mislead.
            throw new IllegalArgumentException("Empty password for recipient '" + recipient.id() + "'");
        }
        Path target = out.toAbsolutePath().normalize();
        if (target.equals(masterPdf.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("The copy for '" + recipient.id() + "' would overwrite the master " + masterPdf);
        }
        PdfReader reader = read(masterPdf);
        Path temp = null;
        try {
            // A fixed name, truncated here: what a killed run left of this copy is overwritten, not left behind.
            temp = target.resolveSibling("." + target.getFileName() + ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream file = Files.newOutputStream(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                 var counting = new CountingOutputStream(new DigestOutputStream(new BufferedOutputStream(file), sha256))) {
                stamp(reader, recipient, asOf, passwordOrNull, counting);
                size = counting.count();
            }
            move(temp, target);
            return new CopyResult(target, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw discard(temp, new UncheckedIOException(
                    "Cannot write the copy for '" + recipient.id() + "' to " + target, e));
        } catch (DocumentException e) {
            throw discard(temp, new IllegalStateException(
                    "Cannot write the copy for '" + recipient.id() + "' to " + target + ": " + e.getMessage(), e));
        } catch (NoSuchAlgorithmException e) {
            throw discard(temp, new IllegalStateException("SHA-256 is not available", e));
        } catch (RuntimeException e) {
            throw discard(temp, e);
        } finally {
            reader.close();
        }
    }

    /** The text of the mark, e.g. "Prepared for Ann Lee, Acme Capital · as of 31 October 2025 · Confidential". */
    static String markText(Recipient recipient, LocalDate asOf) {
        // Recipients with control characters are refused on reading; cleaned here too, as the renderers do.
        return PlainText.cleaned("Prepared for " + recipient.name() + ", " + recipient.organization() + " · as of "
                + DATE.format(asOf) + " · Confidential");
    }

    private static PdfReader read(Path masterPdf) {
        try {
            return new PdfReader(Files.readAllBytes(masterPdf));
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("Master PDF " + masterPdf + " not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the master PDF " + masterPdf + ": " + e.getMessage(), e);
        }
    }

    private static void stamp(PdfReader reader, Recipient recipient, LocalDate asOf, char[] password,
                              OutputStream out) throws IOException, DocumentException {
        PdfStamper stamper = new PdfStamper(reader, out);
        if (password != null) {
            encrypt(stamper, password);
        }
        // The copy is modified now; the same date goes into the information and (by the stamper) into the XMP.
        Calendar now = Calendar.getInstance();
        stamper.setEnforcedModificationDate(now);
        Map<String, String> info = info(reader.getInfo(), recipient.id(), password != null);
        info.put(INFO_MOD_DATE, new PdfDate(now).toString());
        stamper.setInfoDictionary(info);
        stamper.setXmpMetadata(PdfAMetadata.xmp(info, password == null));
        BaseFont font = font();
        String text = markText(recipient, asOf);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            mark(stamper.getOverContent(page), reader.getCropBox(page), font, text);
        }
        stamper.close();
    }

    /** User password = the recipient's; owner password random and forgotten, so the permissions hold. */
    private static void encrypt(PdfStamper stamper, char[] password) throws DocumentException {
        // AES-256 (revision 6) takes passwords as UTF-8.
        byte[] user = utf8(password);
        byte[] owner = new byte[32];
        RANDOM.nextBytes(owner);
        try {
            stamper.setEncryption(user, owner, PdfWriter.ALLOW_PRINTING, PdfWriter.ENCRYPTION_AES_256_V3);
        } finally {
            Arrays.fill(user, (byte) 0);
            Arrays.fill(owner, (byte) 0);
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    /**
     * The master's information plus the recipient: a {@code Recipient} key and {@code recipient:<id>} keyword;
     * for an encrypted copy, a subject that says it is not the archival form. The master's file identifier entry
     * is removed (mapped to null, which the stamper takes as "remove").
     */
    static Map<String, String> info(Map<String, String> master, String recipientId, boolean encrypted) {
        var info = new LinkedHashMap<>(master);
        String keywords = info.get(INFO_KEYWORDS);
        String tag = "recipient:" + recipientId;
        info.put(INFO_KEYWORDS, keywords == null || keywords.isBlank() ? tag : keywords + ", " + tag);
        info.put(INFO_RECIPIENT, recipientId);
        if (encrypted) {
            String subject = info.get(INFO_SUBJECT);
            info.put(INFO_SUBJECT, subject == null || subject.isBlank() ? capitalised(NOT_ARCHIVAL)
                    : subject + " (" + NOT_ARCHIVAL + ")");
        }
        info.put(INFO_FILE_ID, null);
        return info;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** One line, left-aligned in the bottom margin; shrunk (then shortened) to fit beside the page number. */
    private static void mark(PdfContentByte canvas, Rectangle box, BaseFont font, String text) {
        float width = box.getWidth() - 2 * SIDE_MARGIN - PAGE_NUMBER_ROOM;
        float size = FONT_SIZE;
        float natural = font.getWidthPoint(text, size);
        if (natural > width) {
            size = Math.max(MIN_FONT_SIZE, size * width / natural);
        }
        String shown = fit(font, text, size, width);
        canvas.saveState();
        canvas.beginText();
        canvas.setFontAndSize(font, size);
        canvas.setColorFill(GREY);
        canvas.showTextAligned(Element.ALIGN_LEFT, shown, box.getLeft() + SIDE_MARGIN,
                box.getBottom() + BASELINE_FROM_BOTTOM, 0);
        canvas.endText();
        canvas.restoreState();
    }

    /** The text, cut with an ellipsis where even the smallest size would overflow (very long names). */
    private static String fit(BaseFont font, String text, float size, float width) {
        if (font.getWidthPoint(text, size) <= width) {
            return text;
        }
        int end = text.length();
        while (end > 0 && font.getWidthPoint(text.substring(0, end) + "…", size) > width) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end) + "…";
    }

    /**
     * A font instance of this call's own (parsing the cached bytes is cheap next to the stamping), so no parsed
     * font object is shared between threads. Embedded as a subset, Identity-H, so Japanese names render and the
     * text extracts through the ToUnicode map.
     */
    private static BaseFont font() {
        return FONT.get();
    }

    /*
     * Parsing the 6 MB font takes longer than stamping a copy, so each delivery thread parses it once. A BaseFont
     * can serve many documents one after another (each writer keeps its own subset of used glyphs); one per thread
     * keeps concurrent stamping apart.
     */
    private static final ThreadLocal<BaseFont> FONT = ThreadLocal.withInitial(() -> {
        try {
            BaseFont font = BaseFont.createFont("ipaexg.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, FONT_BYTES, null);
            // No CIDSet: OpenPDF's omits glyphs that composite glyphs pull in, which breaks PDF/A (where it is optional).
            font.setIncludeCidSet(false);
            return font;
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("the bundled font " + FONT_RESOURCE + " cannot be read", e);
        }
    });

    private static byte[] fontBytes() {
        try (InputStream in = PersonalisedCopies.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Bundled font " + FONT_RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled font " + FONT_RESOURCE, e);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the partial copy of a failed write; a failure to remove it is attached to the write's failure. */
    private static RuntimeException discard(Path temp, RuntimeException failure) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
        return failure;
    }

    /** Counts what passes through, so the size is known without asking the file system. */
    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }
    }
}
