package dev.briefings.render.workbook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;

/**
 * Writes source addresses as hyperlink cells on one sheet. Only http(s) addresses become links (a javascript: or
 * file: address from a record stays inert text). Links stop after {@link #MAX_LINKS_PER_SHEET}: Excel accepts
 * about 65,000 hyperlinks per worksheet, and POI keeps every hyperlink of a streamed sheet in memory until the
 * end, so beyond that the address is written as plain text.
 */
final class Links {

    static final int MAX_LINKS_PER_SHEET = 65_000;
    /** Excel does not open longer link addresses. */
    static final int MAX_ADDRESS = 2_079;

    private final CreationHelper helper;
    private final WorkbookStyles styles;
    private final int limit;
    private int written;

    Links(CreationHelper helper, WorkbookStyles styles) {
        this(helper, styles, MAX_LINKS_PER_SHEET);
    }

    Links(CreationHelper helper, WorkbookStyles styles, int limit) {
        this.helper = helper;
        this.styles = styles;
        this.limit = limit;
    }

    Cell write(Row row, int col, String url) {
        if (url == null || written >= limit || !linkable(url)) {
            return Cells.text(row, col, url, styles.text());
        }
        Cell cell = Cells.text(row, col, url, styles.link());
        Hyperlink link = helper.createHyperlink(HyperlinkType.URL);
        link.setAddress(url);
        cell.setHyperlink(link);
        written++;
        return cell;
    }

    int written() {
        return written;
    }

    private static boolean linkable(String url) {
        if (url.length() > MAX_ADDRESS) {
            return false;
        }
        try {
            String scheme = new URI(url).getScheme();
            return scheme != null && (scheme.toLowerCase(Locale.ROOT).equals("http")
                    || scheme.toLowerCase(Locale.ROOT).equals("https"));
        } catch (URISyntaxException e) {
            return false; // not a valid address: written as text, which keeps the record's value visible
        }
    }
}
