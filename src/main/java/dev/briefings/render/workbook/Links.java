package dev.briefings.render.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTHyperlink;

/**
 * Writes source addresses as hyperlink cells on one sheet. Only http(s) addresses become links (a javascript: or
 * file: address from a record stays inert text). Links stop after {@link #MAX_LINKS_PER_SHEET}; later addresses
 * are written as plain text, as Excel itself accepts only some 65,000 hyperlinks per worksheet.
 * <p>
 * Why not POI's hyperlinks for every cell: each is an XML document of its own (about 2 KB, kept until the file is
 * written, then copied into the sheet's document); 20,000 of them were a tenth of a 10,000-record run and 55 MB of
 * its memory. So only the cell and its address are noted while the rows stream; when the sheet is finished
 * ({@link #attach}) each address gets its relationship, the first link goes through POI (which puts the sheet's
 * {@code <hyperlinks>} element where the schema wants it), and the others are written into that element as the
 * workbook is saved ({@link Attached#into}): the same XML POI writes for them.
 */
final class Links {

    static final int MAX_LINKS_PER_SHEET = 10_000;
    /** Excel does not open longer link addresses. */
    static final int MAX_ADDRESS = 2_079;
    private static final String HYPERLINK = XSSFRelation.SHEET_HYPERLINKS.getRelation();

    private final WorkbookStyles styles;
    private final int limit;
    private final List<String> cells = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>();

    Links(WorkbookStyles styles) {
        this(styles, MAX_LINKS_PER_SHEET);
    }

    Links(WorkbookStyles styles, int limit) {
        this.styles = styles;
        this.limit = limit;
    }

    /** Writes the address as a cell of row {@code rownum}, written straight into a streamed sheet's XML. */
    void write(SheetXmlWriter xml, int rownum, int col, String url) throws IOException {
        if (url == null || cells.size() >= limit || !linkable(url)) {
            Cells.text(xml, col, url, styles.text());
            return;
        }
        Cells.text(xml, col, url, styles.link());
        cells.add(new CellReference(rownum, col).formatAsString());
        addresses.add(url);
    }

    /**
     * Gives the first noted address its relationship and POI hyperlink on {@code sheet}, and the others the ids of
     * theirs (the ids POI would give them: the next free "rIdN" in cell order); returns those others, to be written
     * into the sheet's XML and its relationships as the workbook is saved, or null when there are none.
     */
    Attached attach(XSSFSheet sheet) {
        if (cells.isEmpty()) {
            return null;
        }
        PackagePart part = sheet.getPackagePart();
        PackageRelationship relationship = part.addExternalRelationship(addresses.get(0), HYPERLINK);
        CTHyperlink first = CTHyperlink.Factory.newInstance();
        first.setRef(cells.get(0));
        first.setId(relationship.getId());
        sheet.addHyperlink(new Attachedlink(first, relationship));
        if (cells.size() == 1) {
            return null;
        }
        int next = 1;
        try {
            for (PackageRelationship existing : part.getRelationships()) {
                String id = existing.getId();
                if (id != null && id.matches("rId[0-9]{1,9}")) {
                    next = Math.max(next, Integer.parseInt(id.substring(3)) + 1);
                }
            }
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("cannot read the relationships of " + part.getPartName(), e);
        }
        List<String> ids = new ArrayList<>(cells.size() - 1);
        for (int i = 1; i < cells.size(); i++) {
            String id;
            do {
                id = "rId" + next++;
            } while (part.getRelationship(id) != null);
            ids.add(id);
        }
        String relationships = PackagingURIHelper.getRelationshipPartName(part.getPartName()).getName().substring(1);
        return new Attached(part.getPartName().getName().substring(1), relationships,
                List.copyOf(cells.subList(1, cells.size())), ids, List.copyOf(addresses.subList(1, addresses.size())));
    }

    private static boolean linkable(String url) {
        if (url.length() > MAX_ADDRESS) {
            return false;
        }
        try {
            String scheme = new URI(url).getScheme();
            String lower = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
            return lower.equals("http") || lower.equals("https");
        } catch (URISyntaxException e) {
            return false; // not a valid address: written as text, which keeps the record's value visible
        }
    }

    /** A POI hyperlink whose relationship already exists (POI's constructor for that is protected). */
    private static final class Attachedlink extends XSSFHyperlink {
        Attachedlink(CTHyperlink link, PackageRelationship relationship) {
            super(link, relationship);
        }
    }

    /**
     * The links of one sheet after its first: the zip entries of the sheet and of its relationships, and for each
     * link its cell, its relationship's id and its address.
     */
    record Attached(String entry, String relationshipsEntry, List<String> cells, List<String> ids,
                    List<String> addresses) {

        /** The first hyperlink element POI wrote: its prefix and the relationships namespace's prefix. */
        private static final Pattern FIRST = Pattern.compile(
                "<((?:[A-Za-z_][\\w.-]*:)?)hyperlink\\s[^>]*?\\b([A-Za-z_][\\w.-]*):id=\"");
        private static final Pattern RELATIONSHIP = Pattern.compile("<Relationship\\s[^>]*?\\bId=\"([^\"]*)\"[^>]*/>");

        /** The sheet's XML as POI wrote it, with these links added after the first one. */
        InputStream into(InputStream sheetXml) throws IOException {
            String xml = read(sheetXml);
            Matcher first = FIRST.matcher(xml);
            String end = first.find() ? "</" + first.group(1) + "hyperlinks>" : null;
            int at = end == null ? -1 : xml.indexOf(end, first.end());
            if (at < 0) {
                throw new IllegalStateException("the workbook's sheet " + entry + " has no hyperlinks element to add "
                        + cells.size() + " links to");
            }
            StringBuilder out = new StringBuilder(xml.length() + cells.size() * 40);
            out.append(xml, 0, at);
            String element = "<" + first.group(1) + "hyperlink ref=\"";
            String id = "\" " + first.group(2) + ":id=\"";
            for (int i = 0; i < cells.size(); i++) {
                out.append(element).append(cells.get(i)).append(id).append(ids.get(i)).append("\"/>");
            }
            out.append(xml, at, xml.length());
            return new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8));
        }

        /**
         * The sheet's relationships as POI wrote them, with these links' added: in the order and form POI gives
         * its own (by id, as text), so that the file is the one POI would write.
         */
        InputStream intoRelationships(InputStream relationshipsXml) throws IOException {
            String xml = read(relationshipsXml);
            int end = xml.lastIndexOf("</Relationships>");
            Matcher m = RELATIONSHIP.matcher(xml);
            if (end < 0 || !m.find()) {
                throw new IllegalStateException("the workbook's relationships " + relationshipsEntry
                        + " are not as expected: cannot add " + cells.size() + " links to them");
            }
            int start = m.start();
            TreeMap<String, String> all = new TreeMap<>();
            do {
                all.put(m.group(1), m.group());
            } while (m.find());
            for (int i = 0; i < ids.size(); i++) {
                all.put(ids.get(i), "<Relationship Id=\"" + ids.get(i) + "\" Target=\"" + attribute(addresses.get(i))
                        + "\" TargetMode=\"External\" Type=\"" + HYPERLINK + "\"/>");
            }
            StringBuilder out = new StringBuilder(xml.length() + ids.size() * 160);
            out.append(xml, 0, start);
            all.values().forEach(out::append);
            out.append(xml, end, xml.length());
            return new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8));
        }

        private static String read(InputStream in) throws IOException {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        /** An attribute value as the JDK's XML serializer writes it. */
        private static String attribute(String value) {
            StringBuilder out = new StringBuilder(value.length() + 16);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    default -> {
                        if (c < 0x20) {
                            out.append("&#").append((int) c).append(';');
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.toString();
        }
    }
}
