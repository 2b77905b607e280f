package dev.briefings.render.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import dev.briefings.briefing.InitiativeRow;
import dev.briefings.briefing.InitiativeRows;
import dev.briefings.briefing.SourceRef;

/** Streams every source of every initiative under the template's header row, in the same pass as the Initiatives sheet. */
final class SourcesSheet {

    private final WorkbookBriefingRenderer.SavingWorkbook workbook;
    private final WorkbookStyles styles;
    private final int lastRow;

    SourcesSheet(WorkbookBriefingRenderer.SavingWorkbook workbook, WorkbookStyles styles) {
        this(workbook, styles, SpreadsheetVersion.EXCEL2007.getLastRowIndex());
    }

    /** @param lastRow index of the last row the sheet may use (Excel's limit; lower in tests) */
    SourcesSheet(WorkbookBriefingRenderer.SavingWorkbook workbook, WorkbookStyles styles, int lastRow) {
        this.workbook = workbook;
        this.styles = styles;
        this.lastRow = lastRow;
    }

    private SXSSFSheet sheet;
    private int header;
    private XmlRows cursor;
    private boolean date1904;
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
        cursor = new XmlRows(workbook.writer(WorkbookTemplate.SOURCES), header + 1);
        date1904 = workbook.getXSSFWorkbook().isDate1904();
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
            try {
                write(cursor, item, source);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the Sources sheet: " + e.getMessage(), e);
            }
            count.written++;
        }
    }

    StreamedCount end() {
        sheet.createFreezePane(0, header + 1);
        int last = Math.max(cursor.position() - 1, header + 1);
        sheet.setAutoFilter(new CellRangeAddress(header, last, 0, WorkbookTemplate.SOURCE_COLUMNS - 1));
        XSSFSheet template = workbook.getXSSFWorkbook().getSheet(WorkbookTemplate.SOURCES);
        workbook.streamedDimension(template, cursor.dimension(template, WorkbookTemplate.SOURCE_COLUMNS - 1));
        attachedLinks = links.attach(template);
        return count.result();
    }

    /** The sheet's links after the first, to be written as the workbook is saved; null if none. */
    Links.Attached attachedLinks() {
        return attachedLinks;
    }

    private void write(XmlRows rows, InitiativeRow item, SourceRef source) throws IOException {
        SheetXmlWriter row = rows.begin();
        Cells.text(row, 0, item.id(), styles.text());
        Cells.number(row, 1, source.number(), styles.integer());
        Cells.text(row, 2, source.publisher(), styles.text());
        Cells.date(row, 3, source.published(), styles.date(), date1904);
        Cells.text(row, 4, source.title(), styles.text());
        links.write(row, rows.row(), 5, source.url());
        rows.end();
    }
}
