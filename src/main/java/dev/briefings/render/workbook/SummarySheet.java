package dev.briefings.render.workbook;

import java.math.BigDecimal;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.KeyFigures;

/** Identity of the briefing, key figures as numbers, FX rates and market context. */
final class SummarySheet {

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;

    SummarySheet(SXSSFWorkbook workbook, WorkbookStyles styles) {
        this.workbook = workbook;
        this.styles = styles;
    }

    void write(BriefingModel model, StreamedCount initiatives, StreamedCount sources) {
        var sheet = workbook.getSheet(WorkbookTemplate.SUMMARY);
        var cursor = new RowCursor(sheet,
                WorkbookTemplate.firstFreeRow(workbook.getXSSFWorkbook().getSheet(WorkbookTemplate.SUMMARY)));
        var meta = model.meta();
        var s = styles;
        Cells.text(cursor.next(), 0, meta.title(), s.title());
        Cells.text(cursor.next(), 0, meta.confidentiality(), s.note());
        cursor.skip();

        Cells.text(cursor.next(), 0, "Briefing", s.heading());
        Row asOf = label(cursor, "As of");
        Cells.date(asOf, 1, meta.asOf(), s.date());
        Cells.text(label(cursor, "Edition"), 1, meta.edition(), s.text());
        Cells.text(label(cursor, "Filters"), 1, meta.filters(), s.wrap());
        if (meta.desk() != null) {
            Cells.text(label(cursor, "Published by"), 1, meta.desk().name(), s.text());
            if (!meta.desk().contact().isEmpty()) {
                Cells.text(label(cursor, "Contact"), 1, meta.desk().contact(), s.text());
            }
        }
        Cells.text(label(cursor, "Application version"), 1, meta.applicationVersion(), s.text());
        Cells.text(label(cursor, "Template"), 1, meta.template(), s.text());
        cursor.skip();

        KeyFigures k = model.keyFigures();
        Cells.text(cursor.next(), 0, "Key figures", s.heading());
        money(cursor, "Committed funding (USD)", k.committedUsd());
        money(cursor, "Proposed funding (USD)", k.proposedUsd());
        count(cursor, "Records read", k.read());
        count(cursor, "Records accepted", k.accepted());
        count(cursor, "Records rejected", k.rejected());
        count(cursor, "Initiatives included", k.included());
        count(cursor, "Included with funding", k.withFunding());
        count(cursor, "Carve-outs (not double counted)", k.carveOuts());
        count(cursor, "Partner countries", k.partnerCountries());
        count(cursor, "High risks", k.highRisks());
        if (initiatives.omitted() > 0) {
            Cells.text(cursor.next(), 0, "The Initiatives sheet lists the first " + initiatives.written() + " of "
                    + (initiatives.written() + initiatives.omitted()) + " initiatives (Excel's row limit).", s.note());
        }
        if (sources.omitted() > 0) {
            Cells.text(cursor.next(), 0, "The Sources sheet lists the first " + sources.written() + " of "
                    + (sources.written() + sources.omitted()) + " sources (Excel's row limit).", s.note());
        }
        cursor.skip();

        var methodology = model.methodology();
        if (methodology != null) {
            Cells.text(cursor.next(), 0, "FX rates", s.heading());
            Cells.date(label(cursor, "Rates as of"), 1, methodology.fxAsOf(), s.date());
            header(cursor.next(), "Currency", "USD per unit");
            for (Map.Entry<String, BigDecimal> rate : methodology.fxRates().entrySet()) {
                Row row = cursor.next();
                Cells.text(row, 0, rate.getKey(), s.text());
                Cells.decimal(row, 1, rate.getValue(), s.rate());
            }
            cursor.skip();
            Cells.text(cursor.next(), 0, "Market context", s.heading());
            if (methodology.marketContext().isEmpty()) {
                Cells.text(cursor.next(), 0, "No market context figures used.", s.note());
            } else {
                header(cursor.next(), "Figure", "Value");
                for (Map.Entry<String, String> figure : methodology.marketContext().entrySet()) {
                    Row row = cursor.next();
                    Cells.text(row, 0, figure.getKey(), s.wrap());
                    Cells.text(row, 1, figure.getValue(), s.wrap());
                }
            }
            cursor.skip();
        }
        Cells.text(cursor.next(), 0, meta.confidentiality(), s.note());
    }

    private Row label(RowCursor cursor, String label) {
        Row row = cursor.next();
        Cells.text(row, 0, label, styles.text());
        return row;
    }

    private void money(RowCursor cursor, String label, BigDecimal value) {
        Cells.decimal(label(cursor, label), 1, value, styles.money());
    }

    private void count(RowCursor cursor, String label, long value) {
        Cells.number(label(cursor, label), 1, value, styles.integer());
    }

    private void header(Row row, String... titles) {
        for (int i = 0; i < titles.length; i++) {
            Cells.text(row, i, titles[i], styles.header());
        }
    }
}
