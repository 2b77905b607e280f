package dev.briefings.render.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds the default workbook template ({@code templates/default/workbook.xlsx}). Run once from the repository
 * root and commit the result; after that, analysts edit the .xlsx in Excel and this class is only a record of how
 * the first version was made:
 * {@code java -cp ... dev.briefings.render.workbook.WorkbookTemplateGenerator templates/default/workbook.xlsx}
 */
public final class WorkbookTemplateGenerator {

    private WorkbookTemplateGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "templates/default/workbook.xlsx");
        generate(out);
    }

    static void generate(Path out) throws IOException {
        try (var wb = new XSSFWorkbook()) {
            var summary = wb.createSheet(WorkbookTemplate.SUMMARY);
            widths(summary, 34, 48, 18);
            var initiatives = wb.createSheet(WorkbookTemplate.INITIATIVES);
            widths(initiatives, 24, 48, 18, 14, 12, 14, 24, 22, 32, 22, 9, 20, 10, 18, 18, 40, 9);
            var funding = wb.createSheet(WorkbookTemplate.FUNDING);
            widths(funding, 30, 18, 18, 12);
            var risks = wb.createSheet(WorkbookTemplate.RISKS);
            widths(risks, 10, 16, 36, 60, 40, 12, 30);
            var changes = wb.createSheet(WorkbookTemplate.CHANGES);
            widths(changes, 30, 28, 48, 18);
            var sources = wb.createSheet(WorkbookTemplate.SOURCES);
            widths(sources, 24, 10, 28, 12, 48, 60);
            var styles = wb.createSheet(WorkbookTemplate.STYLES);
            widths(styles, 16, 28, 70);

            var header = header(wb);
            headerRow(initiatives, header, List.of("ID", "Title", "Kind", "Status", "Announced", "Parties", "Stages",
                    "Minerals", "Organizations", "Location", "Binding", "Part of", "Counted in totals",
                    "Committed USD", "Proposed USD", "First source", "Sources"));
            headerRow(sources, header, List.of("Initiative", "Source no.", "Publisher", "Published", "Title", "URL"));
            fillStyles(wb, styles, header);
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }
    }

    private static void widths(XSSFSheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256);
        }
    }

    private static void headerRow(XSSFSheet sheet, CellStyle style, List<String> titles) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < titles.size(); i++) {
            var cell = row.createCell(i);
            cell.setCellValue(titles.get(i));
            cell.setCellStyle(style);
        }
    }

    private static CellStyle header(XSSFWorkbook wb) {
        Font font = wb.createFont();
        font.setBold(true);
        font.setColor(IndexedColors.WHITE.getIndex());
        CellStyle s = wb.createCellStyle();
        s.setFont(font);
        s.setFillForegroundColor(IndexedColors.DARK_BLUE.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        s.setBorderBottom(BorderStyle.THIN);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setWrapText(true);
        return s;
    }

    private static void fillStyles(XSSFWorkbook wb, XSSFSheet sheet, CellStyle header) {
        var df = wb.createDataFormat();
        Row top = sheet.createRow(0);
        top.createCell(0).setCellValue("Style");
        top.createCell(1).setCellValue("Sample (its format is used)");
        top.createCell(2).setCellValue("Used for");
        for (int i = 0; i < 3; i++) {
            top.getCell(i).setCellStyle(header);
        }
        int r = 1;

        Font titleFont = wb.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 16);
        CellStyle title = wb.createCellStyle();
        title.setFont(titleFont);
        r = sample(sheet, r, "title", title, "Briefing title", "The title line at the top of Summary");

        Font headingFont = wb.createFont();
        headingFont.setBold(true);
        headingFont.setFontHeightInPoints((short) 12);
        headingFont.setColor(IndexedColors.DARK_BLUE.getIndex());
        CellStyle heading = wb.createCellStyle();
        heading.setFont(headingFont);
        r = sample(sheet, r, "heading", heading, "Key figures", "Block headings on Summary, Funding, Risks, Changes");

        r = sample(sheet, r, "header", header, "Committed USD", "Column headers of blocks written by the renderer");

        CellStyle text = wb.createCellStyle();
        text.setVerticalAlignment(VerticalAlignment.TOP);
        r = sample(sheet, r, "text", text, "Plain text", "Any text from records (always stored as text)");

        CellStyle wrap = wb.createCellStyle();
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        wrap.setWrapText(true);
        r = sample(sheet, r, "wrap", wrap, "Long text that wraps", "Risk explanations, data-quality notes");

        CellStyle date = wb.createCellStyle();
        date.setDataFormat(df.getFormat("yyyy-mm-dd"));
        date.setVerticalAlignment(VerticalAlignment.TOP);
        date.setAlignment(HorizontalAlignment.LEFT);
        r = sample(sheet, r, "date", date, java.time.LocalDate.of(2025, 10, 31), "Dates (as-of, announced, published)");

        CellStyle dateTime = wb.createCellStyle();
        dateTime.setDataFormat(df.getFormat("yyyy-mm-dd hh:mm"));
        dateTime.setAlignment(HorizontalAlignment.LEFT);
        r = sample(sheet, r, "datetime", dateTime, java.time.LocalDateTime.of(2025, 10, 31, 22, 0), "Generated at (UTC)");

        CellStyle money = wb.createCellStyle();
        money.setDataFormat(df.getFormat("\"$\"#,##0.00"));
        money.setVerticalAlignment(VerticalAlignment.TOP);
        r = sample(sheet, r, "money", money, 1250000.00, "USD amounts");

        CellStyle integer = wb.createCellStyle();
        integer.setDataFormat(df.getFormat("#,##0"));
        integer.setVerticalAlignment(VerticalAlignment.TOP);
        r = sample(sheet, r, "integer", integer, 1234, "Counts");

        CellStyle rate = wb.createCellStyle();
        rate.setDataFormat(df.getFormat("0.000000"));
        r = sample(sheet, r, "rate", rate, 0.0066, "FX rates (USD per unit)");

        CellStyle percent = wb.createCellStyle();
        percent.setDataFormat(df.getFormat("0.0%"));
        r = sample(sheet, r, "percent", percent, 0.5, "Shares of committed funding");

        CellStyle bool = wb.createCellStyle();
        bool.setAlignment(HorizontalAlignment.CENTER);
        bool.setVerticalAlignment(VerticalAlignment.TOP);
        r = sample(sheet, r, "boolean", bool, Boolean.TRUE, "Binding, counted in totals");

        Font linkFont = wb.createFont();
        linkFont.setUnderline(Font.U_SINGLE);
        linkFont.setColor(IndexedColors.BLUE.getIndex());
        CellStyle link = wb.createCellStyle();
        link.setFont(linkFont);
        link.setVerticalAlignment(VerticalAlignment.TOP);
        r = sample(sheet, r, "link", link, "https://example.org/", "Source links");

        Font boldFont = wb.createFont();
        boldFont.setBold(true);
        CellStyle totalLabel = wb.createCellStyle();
        totalLabel.setFont(boldFont);
        totalLabel.setBorderTop(BorderStyle.THIN);
        r = sample(sheet, r, "total-label", totalLabel, "Total", "Label of a total row");

        CellStyle totalMoney = wb.createCellStyle();
        totalMoney.cloneStyleFrom(totalLabel);
        totalMoney.setDataFormat(df.getFormat("\"$\"#,##0.00"));
        r = sample(sheet, r, "total-money", totalMoney, 1250000.00, "Amounts in a total row");

        CellStyle totalPercent = wb.createCellStyle();
        totalPercent.cloneStyleFrom(totalLabel);
        totalPercent.setDataFormat(df.getFormat("0.0%"));
        r = sample(sheet, r, "total-percent", totalPercent, 1.0, "Share in a total row");

        Font noteFont = wb.createFont();
        noteFont.setItalic(true);
        noteFont.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        CellStyle note = wb.createCellStyle();
        note.setFont(noteFont);
        sample(sheet, r, "note", note, "Confidential", "Confidentiality line, remarks such as capped lists");
    }

    private static int sample(XSSFSheet sheet, int r, String key, CellStyle style, Object value, String use) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(key);
        var cell = row.createCell(1);
        if (value instanceof String s) {
            cell.setCellValue(s);
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (value instanceof java.time.LocalDate d) {
            cell.setCellValue(d);
        } else if (value instanceof java.time.LocalDateTime d) {
            cell.setCellValue(d);
        } else {
            throw new IllegalArgumentException(String.valueOf(value));
        }
        cell.setCellStyle(style);
        row.createCell(2).setCellValue(use);
        return r + 1;
    }
}
