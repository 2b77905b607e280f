package dev.briefings.render.workbook;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Hands out the rows of a streamed sheet in order, starting after the template's own rows. */
final class RowCursor {

    private final Sheet sheet;
    private int next;

    RowCursor(Sheet sheet, int first) {
        this.sheet = sheet;
        this.next = first;
    }

    Row next() {
        return sheet.createRow(next++);
    }

    void skip() {
        next++;
    }

    /** Index of the row {@link #next()} will create. */
    int position() {
        return next;
    }
}
