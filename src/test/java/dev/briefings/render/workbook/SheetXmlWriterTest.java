package dev.briefings.render.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetXmlWriterTest {

    @TempDir
    Path tmp;

    /** A streamed workbook written through the writer under test. */
    private static byte[] write(java.util.function.Consumer<SXSSFWorkbook> fill) throws IOException {
        try (var wb = new SXSSFWorkbook(null, 2, false, false) {
            @Override
            protected SheetDataWriter createSheetDataWriter() throws IOException {
                return new SheetXmlWriter();
            }
        }) {
            fill.accept(wb);
            var out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void everyCellReadsBackWhereItWasWrittenGapsAndAll() throws IOException {
        byte[] file = write(wb -> {
            var sheet = wb.createSheet("S");
            var style = wb.createCellStyle();
            for (int r = 0; r < 10; r++) { // more rows than the window: most are flushed through the writer
                var row = sheet.createRow(r * 2); // every other row missing too
                row.createCell(0).setCellValue("id-" + r);
                row.createCell(1).setCellValue(r + 0.25);
                row.createCell(2).setCellValue(r % 2 == 0);
                row.createCell(3).setCellStyle(style); // blank, styled
                row.createCell(6).setCellValue(" padded <&> ");
                row.createCell(7).setCellValue(-1e21);
                row.createCell(9).setCellFormula("B" + (r * 2 + 1) + "*2");
                row.createCell(10).setCellValue("after a formula");
            }
        });
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            var sheet = wb.getSheet("S");
            for (int r = 0; r < 10; r++) {
                var row = sheet.getRow(r * 2);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo("id-" + r);
                assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(r + 0.25);
                assertThat(row.getCell(2).getBooleanCellValue()).isEqualTo(r % 2 == 0);
                assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.BLANK);
                assertThat(row.getCell(3).getCellStyle().getIndex()).isNotZero();
                assertThat(row.getCell(4)).isNull();
                assertThat(row.getCell(5)).isNull();
                assertThat(row.getCell(6).getStringCellValue()).isEqualTo(" padded <&> ");
                assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(-1e21);
                assertThat(row.getCell(8)).isNull();
                assertThat(row.getCell(9).getCellFormula()).isEqualTo("B" + (r * 2 + 1) + "*2");
                assertThat(row.getCell(10).getStringCellValue()).isEqualTo("after a formula");
                assertThat(row.getLastCellNum()).isEqualTo((short) 11);
                assertThat(sheet.getRow(r * 2 + 1) == null).as("row %d is missing", r * 2 + 1).isTrue();
            }
        }
        // Only the cells after a gap (or a formula, which is POI's) carry their reference.
        String xml = sheetXml(file);
        assertThat(xml).contains("<row r=\"1\">").contains("<c t=\"inlineStr\"><is><t>id-0</t></is></c><c><v>0.25</v></c>")
                .contains("<c r=\"G1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> padded &lt;&amp;&gt; </t></is></c>")
                .doesNotContain("r=\"A1\"").doesNotContain("r=\"B1\"").doesNotContain("t=\"n\"><v>0.25");
    }

    private String sheetXml(byte[] file) throws IOException {
        Path saved = tmp.resolve("s.xlsx");
        Files.write(saved, file);
        try (var zip = new ZipFile(saved.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
    }
}
