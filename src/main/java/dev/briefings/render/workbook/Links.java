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
 * file: address from a record stays inert text). Links stop after {@link #MAX_LINKS_PER_SHEET}; later addresses
 * are written as plain text. Why a cap: a streamed sheet still keeps every hyperlink in memory until the file is
 * written (about 2 KB each in POI, copied once more while saving), so a million links would not fit a small heap;
 * and Excel itself accepts only some 65,000 hyperlinks per worksheet.
 */
final class Links {

    static final int MAX_LINKS_PER_SHEET = 10_000;
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
            String lower = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
            return lower.equals("http") || lower.equals("https");
        } catch (URISyntaxException e) {
            return false; // not a valid address: written as text, which keeps the record's value visible
        }
    }
}
