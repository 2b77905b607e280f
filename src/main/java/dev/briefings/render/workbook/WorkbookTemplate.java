package dev.briefings.render.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Loads and checks the .xlsx template. The template holds the six output sheets (column widths, optional rows at
 * the top, and for Initiatives and Sources the header row as their last row) plus a Styles sheet whose sample
 * cells give the style of every kind of cell. The Styles sheet is removed from the output.
 */
final class WorkbookTemplate {

    static final String SUMMARY = "Summary";
    static final String INITIATIVES = "Initiatives";
    static final String FUNDING = "Funding";
    static final String RISKS = "Risks";
    static final String CHANGES = "Changes";
    static final String SOURCES = "Sources";
    static final String STYLES = "Styles";
    static final List<String> OUTPUT_SHEETS = List.of(SUMMARY, INITIATIVES, FUNDING, RISKS, CHANGES, SOURCES);
    static final int INITIATIVE_COLUMNS = 17;
    static final int SOURCE_COLUMNS = 6;

    /** An opened template: the workbook (Styles sheet already removed) and the styles read from it. */
    record Opened(XSSFWorkbook workbook, WorkbookStyles styles) {
    }

    private WorkbookTemplate() {
    }

    static Opened open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TemplateException("Workbook template " + file + " is missing (expected an .xlsx file)");
        }
        XSSFWorkbook wb;
        // Read from a stream, not from the File: POI opens a File read-write and could touch the template.
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            throw new TemplateException("Workbook template " + file + " cannot be read as an .xlsx workbook: "
                    + e.getMessage(), e);
        }
        try {
            for (String name : OUTPUT_SHEETS) {
                if (wb.getSheet(name) == null) {
                    throw new TemplateException("Workbook template " + file + " lacks the sheet '" + name
                            + "' (needs " + OUTPUT_SHEETS + " and " + STYLES + ")");
                }
            }
            requireHeader(file, wb.getSheet(INITIATIVES), INITIATIVE_COLUMNS);
            requireHeader(file, wb.getSheet(SOURCES), SOURCE_COLUMNS);
            WorkbookStyles styles = readStyles(file, wb);
            wb.removeSheetAt(wb.getSheetIndex(STYLES));
            for (int i = 0; i < OUTPUT_SHEETS.size(); i++) {
                wb.setSheetOrder(OUTPUT_SHEETS.get(i), i);
            }
            wb.setActiveSheet(0);
            wb.setSelectedTab(0);
            return new Opened(wb, styles);
        } catch (RuntimeException e) {
            closeAfterFailure(wb, e);
            throw e;
        }
    }

    /** Index of the first row after the template's own rows (0 for an empty sheet). */
    static int firstFreeRow(XSSFSheet sheet) {
        return sheet.getPhysicalNumberOfRows() == 0 ? 0 : sheet.getLastRowNum() + 1;
    }

    /** The table header is the template sheet's last row; the table needs a unique, non-blank name per column. */
    private static void requireHeader(Path file, XSSFSheet sheet, int columns) {
        int headerIndex = firstFreeRow(sheet) - 1;
        Row header = headerIndex < 0 ? null : sheet.getRow(headerIndex);
        if (header == null) {
            throw new TemplateException("Workbook template " + file + ": sheet '" + sheet.getSheetName()
                    + "' lacks its header row (its last row must hold the " + columns + " column titles)");
        }
        var seen = new HashSet<String>();
        for (int c = 0; c < columns; c++) {
            Cell cell = header.getCell(c);
            String title = cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue().trim();
            if (title.isEmpty() || !seen.add(title.toLowerCase(Locale.ROOT))) {
                throw new TemplateException("Workbook template " + file + ": sheet '" + sheet.getSheetName()
                        + "' header row " + (headerIndex + 1) + " needs a unique text title in column " + (c + 1));
            }
        }
    }

    private static WorkbookStyles readStyles(Path file, XSSFWorkbook wb) {
        XSSFSheet sheet = wb.getSheet(STYLES);
        if (sheet == null) {
            throw new TemplateException("Workbook template " + file + " lacks the sheet '" + STYLES
                    + "' (column A: style name, column B: a sample cell with that style)");
        }
        Map<String, CellStyle> byName = new HashMap<>();
        for (Row row : sheet) {
            Cell name = row.getCell(0);
            Cell sample = row.getCell(1);
            if (name != null && name.getCellType() == CellType.STRING && sample != null) {
                byName.put(name.getStringCellValue().trim(), sample.getCellStyle());
            }
        }
        for (String key : List.of("date", "datetime")) {
            CellStyle style = style(file, byName, key);
            // Dates are written as numbers; only a date format makes them dates for Excel and for readers.
            if (!DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString())) {
                throw new TemplateException("Workbook template " + file + ": the '" + key + "' sample in sheet '"
                        + STYLES + "' must have a date format (e.g. yyyy-mm-dd), not '" + style.getDataFormatString() + "'");
            }
        }
        return new WorkbookStyles(style(file, byName, "title"), style(file, byName, "heading"),
                style(file, byName, "header"), style(file, byName, "text"), style(file, byName, "wrap"),
                style(file, byName, "date"), style(file, byName, "datetime"), style(file, byName, "money"),
                style(file, byName, "integer"), style(file, byName, "rate"), style(file, byName, "percent"),
                style(file, byName, "boolean"), style(file, byName, "link"), style(file, byName, "total-label"),
                style(file, byName, "total-money"), style(file, byName, "total-percent"), style(file, byName, "note"));
    }

    private static CellStyle style(Path file, Map<String, CellStyle> byName, String key) {
        CellStyle style = byName.get(key);
        if (style == null) {
            throw new TemplateException("Workbook template " + file + ": sheet '" + STYLES + "' lacks the style '"
                    + key + "' (a row with '" + key + "' in column A and a sample cell in column B)");
        }
        return style;
    }

    private static void closeAfterFailure(XSSFWorkbook wb, RuntimeException failure) {
        try {
            wb.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
