package dev.briefings.render.workbook;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;

import dev.briefings.briefing.PlainText;

/**
 * Typed cell writers. Text always goes through {@link #text}, which stores a string cell whatever the text
 * starts with (so "=..." from a record can never become a formula), holds only characters XML can carry and fits
 * Excel's cell limit.
 */
final class Cells {

    /** Excel's limit for the text of one cell. */
    static final int MAX_TEXT = 32_767;
    static final String TRUNCATED = " …[truncated]";

    private Cells() {
    }

    static String fit(String value) {
        if (value.length() <= MAX_TEXT) {
            return value;
        }
        int cut = MAX_TEXT - TRUNCATED.length();
        if (Character.isHighSurrogate(value.charAt(cut - 1))) {
            cut--; // never split a surrogate pair
        }
        return value.substring(0, cut) + TRUNCATED;
    }

    /**
     * A string cell; null leaves a styled blank cell. Characters a sheet's XML cannot hold (see {@link PlainText})
     * become U+FFFD, whatever the text's source.
     */
    static Cell text(Row row, int col, String value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(fit(PlainText.cleaned(value)));
        }
        return cell;
    }

    static Cell joined(Row row, int col, List<String> values, CellStyle style) {
        return text(row, col, values == null ? null : String.join(", ", values), style);
    }

    static Cell decimal(Row row, int col, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        return cell;
    }

    static Cell number(Row row, int col, double value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(style);
        cell.setCellValue(value);
        return cell;
    }

    static Cell date(Row row, int col, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value);
        }
        return cell;
    }

    static Cell dateTime(Row row, int col, LocalDateTime value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value);
        }
        return cell;
    }

    static Cell bool(Row row, int col, boolean value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(style);
        cell.setCellValue(value);
        return cell;
    }

    // The same cells, written straight into a streamed sheet's XML (SheetXmlWriter#beginRow): what POI writes for
    // the cells above, without its row and cell objects.

    static void text(SheetXmlWriter xml, int col, String value, CellStyle style) throws IOException {
        xml.text(col, value == null ? null : fit(PlainText.cleaned(value)), index(style));
    }

    static void joined(SheetXmlWriter xml, int col, List<String> values, CellStyle style) throws IOException {
        text(xml, col, values == null ? null : String.join(", ", values), style);
    }

    static void decimal(SheetXmlWriter xml, int col, BigDecimal value, CellStyle style) throws IOException {
        if (value == null) {
            xml.blank(col, index(style));
        } else {
            xml.number(col, value.doubleValue(), index(style));
        }
    }

    static void number(SheetXmlWriter xml, int col, double value, CellStyle style) throws IOException {
        xml.number(col, value, index(style));
    }

    /** @param date1904 whether the workbook counts dates from 1904 (as POI asks the workbook for each date cell) */
    static void date(SheetXmlWriter xml, int col, LocalDate value, CellStyle style, boolean date1904) throws IOException {
        if (value == null) {
            xml.blank(col, index(style));
        } else {
            xml.number(col, DateUtil.getExcelDate(value.atStartOfDay(), date1904), index(style));
        }
    }

    static void bool(SheetXmlWriter xml, int col, boolean value, CellStyle style) throws IOException {
        xml.bool(col, value, index(style));
    }

    private static int index(CellStyle style) {
        return style.getIndex() & 0xffff;
    }
}
