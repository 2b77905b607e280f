package dev.briefings.render.pdf;

import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.ITextRenderer;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfICCBased;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Makes the PDF that Flying Saucer writes an archival PDF/A-2b file that a rerun reproduces byte for byte:
 * <ul>
 * <li>creation and modification dates are the start of the as-of date (UTC), not the wall clock;</li>
 * <li>the file identifier is the digest of what the PDF is made from, not OpenPDF's time-based one;</li>
 * <li>an sRGB output intent (every colour in the briefing is RGB), the document language, the creating
 * application, and XMP metadata restating the document information with the PDF/A identification;</li>
 * <li>the author is the publishing desk, whatever the template's {@code <meta name="author">} says.</li>
 * </ul>
 * Flying Saucer sets title, author, subject and keywords from the template's {@code <meta>} elements after
 * {@link #preWrite}, so the XMP is made from the finished information at {@link #onClose}, just before OpenPDF
 * writes the catalog. One instance per render.
 */
final class ArchivalListener extends DefaultPDFCreationListener {

    static final String OUTPUT_CONDITION = "sRGB IEC61966-2.1";
    private static final String ICC_REGISTRY = "http://www.color.org";

    private final String creator;
    private final String author;
    private final LocalDate asOf;
    private final byte[] documentId;
    private final String language;
    private final ICC_Profile srgb;

    /**
     * @param documentId at least 16 bytes; the first 16 become both parts of the file identifier
     * @param language   the document language (BCP 47, e.g. "en"), or null for none
     */
    ArchivalListener(String creator, String author, LocalDate asOf, byte[] documentId, String language,
                     ICC_Profile srgb) {
        this.creator = creator;
        this.author = author;
        this.asOf = asOf;
        this.documentId = documentId.clone();
        this.language = language;
        this.srgb = srgb;
    }

    @Override
    public void preWrite(ITextRenderer renderer, int pageCount) {
        PdfWriter writer = renderer.getWriter();
        PdfDictionary info = writer.getInfo();
        // Flying Saucer maps <meta name="creator"> to the author (Dublin Core), so the application is set here.
        info.put(PdfName.CREATOR, new PdfString(creator, PdfObject.TEXT_UNICODE));
        PdfDate date = new PdfDate(startOf(asOf));
        info.put(PdfName.CREATIONDATE, date);
        info.put(PdfName.MODDATE, date);
        // OpenPDF's hook for a caller-chosen file identifier (it is also written into the information dictionary).
        info.put(PdfName.FILEID, PdfEncryption.createInfoId(documentId, documentId));

        PdfDictionary catalog = writer.getExtraCatalog();
        catalog.put(PdfName.OUTPUTINTENTS, new PdfArray(outputIntent(writer)));
        if (language != null && !language.isBlank()) {
            catalog.put(PdfName.LANG, new PdfString(language, PdfObject.TEXT_UNICODE));
        }
    }

    @Override
    public void onClose(ITextRenderer renderer) {
        PdfWriter writer = renderer.getWriter();
        // Set here rather than in preWrite: Flying Saucer copies the template's <meta> elements in after preWrite.
        if (author != null && !author.isBlank()) {
            writer.getInfo().put(PdfName.AUTHOR, new PdfString(author, PdfObject.TEXT_UNICODE));
        }
        writer.setXmpMetadata(PdfAMetadata.xmp(writer.getInfo()));
    }

    private PdfDictionary outputIntent(PdfWriter writer) {
        var intent = new PdfDictionary(PdfName.OUTPUTINTENT);
        intent.put(PdfName.S, PdfName.GTS_PDFA1); // the subtype every part of PDF/A uses
        intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString(OUTPUT_CONDITION));
        intent.put(PdfName.REGISTRYNAME, new PdfString(ICC_REGISTRY));
        intent.put(PdfName.INFO, new PdfString(OUTPUT_CONDITION));
        try {
            intent.put(PdfName.DESTOUTPUTPROFILE,
                    writer.addToBody(new PdfICCBased(srgb, writer.getCompressionLevel())).getIndirectReference());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sRGB output intent: " + e.getMessage(), e);
        }
        return intent;
    }

    /** Midnight UTC at the start of the date. */
    static Calendar startOf(LocalDate date) {
        var calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
        calendar.clear();
        calendar.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth(), 0, 0, 0);
        return calendar;
    }
}
