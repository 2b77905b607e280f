package dev.briefings.render.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;

import dev.briefings.briefing.InitiativeRow;
import dev.briefings.briefing.InitiativeRows;

/**
 * Streams one row per included initiative under the template's header row, then lays an Excel table (filter
 * buttons, banded rows) over the final range and freezes the header.
 */
final class InitiativesSheet {

    static final String TABLE_NAME = "InitiativesTable";
    static final String TABLE_STYLE = "TableStyleMedium2";

    private final WorkbookBriefingRenderer.SavingWorkbook workbook;
    private final WorkbookStyles styles;
    private final int lastRow;

    InitiativesSheet(WorkbookBriefingRenderer.SavingWorkbook workbook, WorkbookStyles styles) {
        this(workbook, styles, SpreadsheetVersion.EXCEL2007.getLastRowIndex());
    }

    /** @param lastRow index of the last row the sheet may use (Excel's limit; lower in tests) */
    InitiativesSheet(WorkbookBriefingRenderer.SavingWorkbook workbook, WorkbookStyles styles, int lastRow) {
        this.workbook = workbook;
        this.styles = styles;
        this.lastRow = lastRow;
    }

    private XSSFSheet template;
    private int header;
    private XmlRows cursor;
    private boolean date1904;
    private Links links;
    private StreamedCount.Counter count;
    private Links.Attached attachedLinks;

    /** Writes the rows; returns how many were written and how many did not fit under Excel's row limit. */
    StreamedCount write(InitiativeRows rows) {
        begin();
        rows.forEach(this::accept);
        return end();
    }

    /** Starts the sheet, so that rows can be fed one at a time together with other sheets in one pass. */
    void begin() {
        template = workbook.getXSSFWorkbook().getSheet(WorkbookTemplate.INITIATIVES);
        header = WorkbookTemplate.firstFreeRow(template) - 1;
        cursor = new XmlRows(workbook.writer(WorkbookTemplate.INITIATIVES), header + 1);
        date1904 = workbook.getXSSFWorkbook().isDate1904();
        links = new Links(styles);
        count = new StreamedCount.Counter();
    }

    void accept(InitiativeRow item) {
        if (cursor.position() > lastRow) {
            count.omitted++;
            return;
        }
        try {
            write(cursor, item);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Initiatives sheet: " + e.getMessage(), e);
        }
        count.written++;
    }

    StreamedCount end() {
        workbook.getSheet(WorkbookTemplate.INITIATIVES).createFreezePane(0, header + 1);
        table(template, header, cursor.position() - 1);
        workbook.streamedDimension(template, cursor.dimension(template, WorkbookTemplate.INITIATIVE_COLUMNS - 1));
        attachedLinks = links.attach(template);
        return count.result();
    }

    /** The sheet's links after the first, to be written as the workbook is saved; null if none. */
    Links.Attached attachedLinks() {
        return attachedLinks;
    }

    private void write(XmlRows rows, InitiativeRow item) throws IOException {
        var s = styles;
        SheetXmlWriter row = rows.begin();
        Cells.text(row, 0, item.id(), s.text());
        Cells.text(row, 1, item.title(), s.text());
        Cells.text(row, 2, item.kind(), s.text());
        Cells.text(row, 3, item.status(), s.text());
        Cells.date(row, 4, item.announced(), s.date(), date1904);
        Cells.joined(row, 5, item.parties(), s.text());
        Cells.joined(row, 6, item.stages(), s.text());
        Cells.joined(row, 7, item.minerals(), s.text());
        Cells.joined(row, 8, item.organizations(), s.text());
        Cells.text(row, 9, item.location(), s.text());
        Cells.bool(row, 10, item.binding(), s.bool());
        Cells.text(row, 11, item.partOf(), s.text());
        Cells.bool(row, 12, item.countedInTotals(), s.bool());
        Cells.decimal(row, 13, item.committedUsd(), s.money());
        Cells.decimal(row, 14, item.proposedUsd(), s.money());
        links.write(row, rows.row(), 15, item.firstSourceUrl());
        Cells.number(row, 16, item.sources() == null ? 0 : item.sources().size(), s.integer());
        rows.end();
    }

    /** The table goes on the XSSF sheet once the extent is known; it needs the header cells, which the template holds. */
    private static void table(XSSFSheet sheet, int header, int lastDataRow) {
        // A table needs at least one body row, even an empty one.
        int last = Math.max(lastDataRow, header + 1);
        var area = new AreaReference(new CellReference(header, 0),
                new CellReference(last, WorkbookTemplate.INITIATIVE_COLUMNS - 1), SpreadsheetVersion.EXCEL2007);
        XSSFTable table = sheet.createTable(area);
        table.setName(TABLE_NAME);
        table.setDisplayName(TABLE_NAME);
        table.updateHeaders();
        CTTable ct = table.getCTTable();
        String ref = area.formatAsString();
        (ct.isSetAutoFilter() ? ct.getAutoFilter() : ct.addNewAutoFilter()).setRef(ref);
        CTTableStyleInfo info = ct.isSetTableStyleInfo() ? ct.getTableStyleInfo() : ct.addNewTableStyleInfo();
        info.setName(TABLE_STYLE);
        info.setShowRowStripes(true);
        info.setShowColumnStripes(false);
    }
}
