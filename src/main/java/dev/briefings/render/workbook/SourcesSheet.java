package dev.briefings.render.workbook;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import dev.briefings.briefing.InitiativeRow;
import dev.briefings.briefing.InitiativeRows;
import dev.briefings.briefing.SourceRef;

/** Streams every source of every initiative (a second pass over the rows) under the template's header row. */
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

    StreamedCount write(InitiativeRows rows) {
        SXSSFSheet sheet = workbook.getSheet(WorkbookTemplate.SOURCES);
        int header = WorkbookTemplate.firstFreeRow(workbook.getXSSFWorkbook().getSheet(WorkbookTemplate.SOURCES)) - 1;
        var cursor = new RowCursor(sheet, header + 1);
        var links = new Links(workbook.getCreationHelper(), styles);
        var count = new StreamedCount.Counter();
        rows.forEach(item -> {
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
        });
        sheet.createFreezePane(0, header + 1);
        int last = Math.max(cursor.position() - 1, header + 1);
        sheet.setAutoFilter(new CellRangeAddress(header, last, 0, WorkbookTemplate.SOURCE_COLUMNS - 1));
        return count.result();
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
