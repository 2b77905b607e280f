package dev.briefings.render.workbook;

import java.io.IOException;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Writes the rows of a streamed sheet in order, straight into its XML ({@link SheetXmlWriter#beginRow}), starting
 * after the template's own rows.
 */
final class XmlRows {

    private final SheetXmlWriter xml;
    private final int first;
    private int next;

    XmlRows(SheetXmlWriter xml, int first) {
        this.xml = xml;
        this.first = first;
        this.next = first;
    }

    /** Starts the next row: write its cells into what this returns, then {@link #end()} it. */
    SheetXmlWriter begin() throws IOException {
        xml.beginRow(next);
        return xml;
    }

    /** Index of the row begun last (or to be begun next, between rows). */
    int row() {
        return next;
    }

    void end() throws IOException {
        xml.endRow();
        next++;
    }

    /** Index of the row {@link #begin()} will start. */
    int position() {
        return next;
    }

    /**
     * The sheet's dimension as POI gives a streamed sheet, which it cannot work out for rows it did not write: the
     * streamed rows, and the columns of the template's rows (as POI scans them) and of the streamed cells. Null
     * without streamed rows: the template's own dimension stays, as with POI.
     *
     * @param lastColumn the last column of the streamed rows' cells
     */
    CellRangeAddress dimension(XSSFSheet template, int lastColumn) {
        if (next == first) {
            return null;
        }
        int left = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();
        int right = 0;
        for (Row row : template) {
            if (row.getFirstCellNum() < left) {
                left = Math.min(row.getFirstCellNum(), left);
                right = Math.max(row.getLastCellNum() - 1, right);
            }
        }
        // Every streamed row starts at column 0.
        return new CellRangeAddress(first, next - 1, 0, Math.max(right, lastColumn));
    }
}
