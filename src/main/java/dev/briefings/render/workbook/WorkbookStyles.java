package dev.briefings.render.workbook;

import org.apache.poi.ss.usermodel.CellStyle;

/**
 * The cell styles of one workbook, taken once from the template's Styles sheet and shared by every cell
 * (a style per cell would exhaust Excel's 64,000 styles and the heap).
 */
record WorkbookStyles(
        CellStyle title,
        CellStyle heading,
        CellStyle header,
        CellStyle text,
        CellStyle wrap,
        CellStyle date,
        CellStyle dateTime,
        CellStyle money,
        CellStyle integer,
        CellStyle rate,
        CellStyle percent,
        CellStyle bool,
        CellStyle link,
        CellStyle totalLabel,
        CellStyle totalMoney,
        CellStyle totalPercent,
        CellStyle note) {
}
