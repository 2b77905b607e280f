package dev.briefings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Checks a PDF with veraPDF, the reference PDF/A validator (its greenfield parser), against one flavour's full rule
 * set. Answers every failed rule with its clause and message, so a failing test says what to fix.
 */
public final class PdfAValidation {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfAValidation() {
    }

    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String PDF = "http://ns.adobe.com/pdf/1.3/";
    private static final String XMP = "http://ns.adobe.com/xap/1.0/";
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String PDFAID = "http://www.aiim.org/pdfa/ns/id/";

    /** The failed checks of {@code pdf} against PDF/A-2b; empty when the file conforms. */
    public static List<String> pdfA2bFailures(Path pdf) {
        return failures(pdf, PDFAFlavour.PDFA_2_B);
    }

    /** The failed checks of {@code pdf} against {@code flavour}; empty when the file conforms. */
    public static List<String> failures(Path pdf, PDFAFlavour flavour) {
        try (InputStream in = Files.newInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = new ArrayList<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    failed.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()
                            + " @ " + a.getLocation().getContext());
                }
            }
            if (!result.isCompliant() && failed.isEmpty()) {
                failed.add("not compliant (no failed assertion reported)");
            }
            return failed;
        } catch (EncryptedPdfException e) {
            return List.of("encrypted: " + e.getMessage());
        } catch (ModelParsingException | ValidationException | IOException e) {
            throw new IllegalStateException("veraPDF cannot check " + pdf + ": " + e.getMessage(), e);
        }
    }

    /** The document's XMP packet, parsed; fails when there is none. */
    public static Document xmp(PDDocument doc) throws IOException {
        PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
        if (metadata == null) {
            throw new AssertionError("the document has no XMP metadata");
        }
        try (InputStream in = metadata.exportXMPMetadata()) {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(in);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new AssertionError("the XMP metadata does not parse: " + e.getMessage(), e);
        }
    }

    /** The PDF/A identification in the XMP, e.g. "2B", or "" when the file claims none. */
    public static String claimedConformance(PDDocument doc) throws IOException {
        Document xmp = xmp(doc);
        return text(xmp, PDFAID, "part") + text(xmp, PDFAID, "conformance");
    }

    /**
     * Every document information entry whose XMP counterpart says something else, as "Key: info 'x' but XMP 'y'";
     * empty when they agree. Dates are compared as instants. (veraPDF's PDF/A-2 rules do not compare the two.)
     */
    public static List<String> infoXmpDisagreements(PDDocument doc) throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        Document xmp = xmp(doc);
        List<String> wrong = new ArrayList<>();
        compare(wrong, "Title", info.getTitle(), item(xmp, DC, "title"));
        compare(wrong, "Author", info.getAuthor(), item(xmp, DC, "creator"));
        compare(wrong, "Subject", info.getSubject(), item(xmp, DC, "description"));
        compare(wrong, "Keywords", info.getKeywords(), text(xmp, PDF, "Keywords"));
        compare(wrong, "Producer", info.getProducer(), text(xmp, PDF, "Producer"));
        compare(wrong, "Creator", info.getCreator(), text(xmp, XMP, "CreatorTool"));
        compare(wrong, "CreationDate", instant(info.getCreationDate()), xmpInstant(text(xmp, XMP, "CreateDate")));
        compare(wrong, "ModDate", instant(info.getModificationDate()), xmpInstant(text(xmp, XMP, "ModifyDate")));
        return wrong;
    }

    private static void compare(List<String> wrong, String key, Object info, Object xmp) {
        Object inInfo = "".equals(info) ? null : info;
        Object inXmp = "".equals(xmp) ? null : xmp;
        if (!Objects.equals(inInfo, inXmp)) {
            wrong.add(key + ": info '" + inInfo + "' but XMP '" + inXmp + "'");
        }
    }

    /** The text of the first element {@code ns:name}, or "". */
    private static String text(Document xmp, String ns, String name) {
        NodeList nodes = xmp.getElementsByTagNameNS(ns, name);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }

    /** The first {@code rdf:li} of the array property {@code ns:name} (the x-default entry of a language alternative). */
    private static String item(Document xmp, String ns, String name) {
        NodeList nodes = xmp.getElementsByTagNameNS(ns, name);
        if (nodes.getLength() == 0) {
            return "";
        }
        NodeList items = ((Element) nodes.item(0)).getElementsByTagNameNS(RDF, "li");
        return items.getLength() == 0 ? "" : items.item(0).getTextContent().trim();
    }

    private static Instant instant(Calendar calendar) {
        return calendar == null ? null : calendar.toInstant();
    }

    private static Instant xmpInstant(String text) {
        return text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
    }
}
