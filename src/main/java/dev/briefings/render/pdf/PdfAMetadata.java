package dev.briefings.render.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.xml.xmp.XmpWriter;

/**
 * The XMP metadata of a briefing PDF: the document information (title, author, subject, keywords, creator,
 * producer, dates) restated in XMP, as PDF/A requires, and, for a file that is PDF/A-2b, the identification
 * {@code pdfaid:part 2, conformance B}. OpenPDF writes the PDF/A-1 identification only, so part 2 is added here.
 */
public final class PdfAMetadata {

    /** What the briefing PDF conforms to, in words (for document information and messages). */
    public static final String CONFORMANCE = "PDF/A-2b";

    private static final String PDFAID_NAMESPACE = "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"";
    private static final String PDFAID_2B = "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>";

    private PdfAMetadata() {
    }

    /**
     * XMP for a document information map as {@link com.lowagie.text.pdf.PdfReader#getInfo()} gives it (dates as PDF
     * date strings); keys without an XMP counterpart (such as {@code Recipient}) are left out.
     *
     * @param pdfA2b whether the file claims PDF/A-2b (never for an encrypted file)
     */
    public static byte[] xmp(Map<String, String> info, boolean pdfA2b) {
        var out = new ByteArrayOutputStream();
        try (XmpWriter xmp = new XmpWriter(out, info)) {
            if (pdfA2b) {
                xmp.addRdfDescription(PDFAID_NAMESPACE, PDFAID_2B);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write XMP metadata", e); // into memory: not expected
        }
        return out.toByteArray();
    }

    /** XMP for a writer's document information dictionary, identifying the file as PDF/A-2b. */
    static byte[] xmp(PdfDictionary info) {
        var out = new ByteArrayOutputStream();
        try (XmpWriter xmp = new XmpWriter(out, info, PdfWriter.PDFXNONE)) {
            xmp.addRdfDescription(PDFAID_NAMESPACE, PDFAID_2B);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write XMP metadata", e);
        }
        return out.toByteArray();
    }
}
