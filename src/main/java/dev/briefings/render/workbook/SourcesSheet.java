package dev.briefings.render.workbook;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import dev.briefings.briefing.InitiativeRow;
import dev.briefings.briefing.InitiativeRows;
import dev.briefings.briefing.SourceRef;

/** Streams every source of every initiative under the template's header row, in the same pass as the Initiatives sheet. */
final class SourcesSheet {

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final int lastRow;

    SourcesSheet(SXSSFWorkbook workbook, WorkbookStyles styles) {
        this(workbook, styles, SpreadsheetVersion.EXCEL2007.getLastRowIndex());
    }

    /** @param lastRow index of the last row the sheet may use (Excel's limit; lower in tests) */
    SourcesSheet(SXSSFWorkbook workbook, WorkbookStyles styles, int lastRow) {
        this.workbook = workbook;
        this.styles = styles;
        this.lastRow = lastRow;
    }

    private SXSSFSheet sheet;
    private int header;
    private RowCursor cursor;
    private Links links;
    private StreamedCount.Counter count;
    private Links.Attached attachedLinks;

    StreamedCount write(InitiativeRows rows) {
        begin();
        rows.forEach(this::accept);
        return end();
    }

    /** Starts the sheet, so that rows can be fed one at a time together with other sheets in one pass. */
    void begin() {
        sheet = workbook.getSheet(WorkbookTemplate.SOURCES);
        header = WorkbookTemplate.firstFreeRow(workbook.getXSSFWorkbook().getSheet(WorkbookTemplate.SOURCES)) - 1;
        cursor = new RowCursor(sheet, header + 1);
        links = new Links(styles);
        count = new StreamedCount.Counter();
    }

    void accept(InitiativeRow item) {
        if (item.sources() == null) {
            return;
        }
        for (SourceRef source : item.sources()) {
            if (cursor.position() > lastRow) {
                count.omitted++;
                continue;
            }
            write(cursor.next(), item, source, links);
            count.written++;
        }
    }

    StreamedCount end() {
        sheet.createFreezePane(0, header + 1);
        int last = Math.max(cursor.position() - 1, header + 1);
        sheet.setAutoFilter(new CellRangeAddress(header, last, 0, WorkbookTemplate.SOURCE_COLUMNS - 1));
        attachedLinks = links.attach(workbook.getXSSFWorkbook().getSheet(WorkbookTemplate.SOURCES));
        return count.result();
    }

    /** The sheet's links after the first, to be written as the workbook is saved; null if none. */
    Links.Attached attachedLinks() {
        return attachedLinks;
    }

    private void write(Row row, InitiativeRow item, SourceRef source, Links links) {
        Cells.text(row, 0, item.id(), styles.text());
        Cells.number(row, 1, source.number(), styles.integer());
        Cells.text(row, 2, source.publisher(), styles.text());
        Cells.date(row, 3, source.published(), styles.date());
        Cells.text(row, 4, source.title(), styles.text());
        links.write(row, 5, source.url());
    }
}
