package dev.briefings.render.workbook;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.DataQualityNote;
import dev.briefings.briefing.RiskNote;

/** Risk notes, then data-quality notes, each as a block with its own header. */
final class RisksSheet {

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;

    RisksSheet(SXSSFWorkbook workbook, WorkbookStyles styles) {
        this.workbook = workbook;
        this.styles = styles;
    }

    void write(BriefingModel model) {
        var sheet = workbook.getSheet(WorkbookTemplate.RISKS);
        var cursor = new RowCursor(sheet,
                WorkbookTemplate.firstFreeRow(workbook.getXSSFWorkbook().getSheet(WorkbookTemplate.RISKS)));
        var s = styles;
        Cells.text(cursor.next(), 0, "Risks", s.heading());
        if (model.risks().isEmpty()) {
            Cells.text(cursor.next(), 0, "No risk rule fired and no record states a risk.", s.note());
        } else {
            header(cursor.next(), "Severity", "Category", "Title", "Why", "Initiatives", "Initiative count", "Origin");
            for (RiskNote risk : model.risks()) {
                Row row = cursor.next();
                Cells.text(row, 0, risk.severity() == null ? null : risk.severity().name(), s.text());
                Cells.text(row, 1, risk.category(), s.text());
                Cells.text(row, 2, risk.title(), s.wrap());
                Cells.text(row, 3, risk.why(), s.wrap());
                Cells.joined(row, 4, risk.initiativeIds(), s.wrap());
                Cells.number(row, 5, risk.initiativeCount(), s.integer());
                Cells.text(row, 6, risk.origin(), s.text());
            }
        }
        cursor.skip();
        Cells.text(cursor.next(), 0, "Data quality", s.heading());
        if (model.dataQuality().isEmpty()) {
            Cells.text(cursor.next(), 0, "No data-quality findings.", s.note());
        } else {
            header(cursor.next(), "Note", "Initiatives");
            for (DataQualityNote note : model.dataQuality()) {
                Row row = cursor.next();
                Cells.text(row, 0, note.message(), s.wrap());
                Cells.joined(row, 1, note.initiativeIds(), s.wrap());
            }
        }
    }

    private void header(Row row, String... titles) {
        for (int i = 0; i < titles.length; i++) {
            Cells.text(row, i, titles[i], styles.header());
        }
    }
}
