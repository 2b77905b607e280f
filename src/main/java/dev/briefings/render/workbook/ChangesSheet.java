package dev.briefings.render.workbook;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.Changes;
import dev.briefings.briefing.Changes.Change;

/** Changes since the previous nightly briefing: the counts and totals, then one row per listed change. */
final class ChangesSheet {

    static final String FIRST_BRIEFING = "This is the first briefing: there is no previous briefing to compare with.";

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;

    ChangesSheet(SXSSFWorkbook workbook, WorkbookStyles styles) {
        this.workbook = workbook;
        this.styles = styles;
    }

    void write(BriefingModel model) {
        var sheet = workbook.getSheet(WorkbookTemplate.CHANGES);
        var cursor = new RowCursor(sheet,
                WorkbookTemplate.firstFreeRow(workbook.getXSSFWorkbook().getSheet(WorkbookTemplate.CHANGES)));
        var s = styles;
        Changes changes = model.changes();
        Cells.text(cursor.next(), 0, "Changes since the previous briefing", s.heading());
        if (changes == null || !changes.hasPrevious()) {
            Cells.text(cursor.next(), 0, FIRST_BRIEFING, s.text());
            return;
        }
        Row previous = label(cursor, "Previous briefing as of");
        Cells.date(previous, 1, changes.previousAsOf(), s.date());
        Cells.number(label(cursor, "Added"), 1, changes.addedCount(), s.integer());
        Cells.number(label(cursor, "Changed"), 1, changes.changedCount(), s.integer());
        Cells.number(label(cursor, "Removed"), 1, changes.removedCount(), s.integer());
        Cells.decimal(label(cursor, "Previous committed (USD)"), 1, changes.previousCommittedUsd(), s.money());
        Cells.decimal(label(cursor, "Change in committed (USD)"), 1, changes.committedDeltaUsd(), s.money());
        cursor.skip();

        Row header = cursor.next();
        String[] titles = {"Change", "ID", "Title", "Committed delta USD"};
        for (int i = 0; i < titles.length; i++) {
            Cells.text(header, i, titles[i], s.header());
        }
        rows(cursor, "added", changes.added());
        rows(cursor, "changed", changes.changed());
        rows(cursor, "removed", changes.removed());
        capped(cursor, "added", changes.added(), changes.addedCount());
        capped(cursor, "changed", changes.changed(), changes.changedCount());
        capped(cursor, "removed", changes.removed(), changes.removedCount());
    }

    private void rows(RowCursor cursor, String type, List<Change> changes) {
        for (Change change : changes) {
            Row row = cursor.next();
            Cells.text(row, 0, type, styles.text());
            Cells.text(row, 1, change.id(), styles.text());
            Cells.text(row, 2, change.title(), styles.text());
            Cells.decimal(row, 3, change.committedDeltaUsd(), styles.money());
        }
    }

    /** The lists are capped by the model; say so when a list is shorter than its count. */
    private void capped(RowCursor cursor, String type, List<Change> listed, long count) {
        if (listed.size() < count) {
            Cells.text(cursor.next(), 0, "Showing " + listed.size() + " of " + count + " " + type + " initiatives.",
                    styles.note());
        }
    }

    private Row label(RowCursor cursor, String label) {
        Row row = cursor.next();
        Cells.text(row, 0, label, styles.text());
        return row;
    }
}
