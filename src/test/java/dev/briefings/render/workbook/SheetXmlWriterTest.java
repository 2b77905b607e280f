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

    /**
     * Every text, escaped and encoded by the writer, reads exactly as POI's own writer puts it in the file: checked
     * byte for byte on random texts of every kind of character (markup, line breaks, controls, non-characters,
     * no-break space, two- three- and four-byte UTF-8, unpaired surrogates), long ones crossing the buffer's end.
     */
    @Test
    void textIsEscapedAndEncodedAsPoiWritesIt() throws IOException {
        String[] pool = {"a", "Z", " ", "~", "<", ">", "&", "\"", "'", "\n", "\r", "\t", "\u0000", "\u0001", "\u001f",
                "\u007f", "\u0080", "\u009f", "\u00a0", "\u00e9", "\u20ac", "\u4e2d", "\ufffd", "\ufffe", "\uffff",
                "\ud83d\ude00", "\ud83d", "\ude00", "x\ud83d", "\ude00y"};
        var random = new java.util.Random(42);
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder t = new StringBuilder();
            int parts = 1 + random.nextInt(i % 100 == 0 ? 2_500 : 30);
            for (int k = 0; k < parts; k++) {
                t.append(random.nextInt(3) == 0 ? pool[random.nextInt(pool.length)] : "plain text ");
            }
            texts.add(t.toString());
        }
        texts.add("\ud83d"); // a text ending in a high surrogate, then the next one starting with a low one
        texts.add("\ude00");
        java.util.function.Consumer<SXSSFWorkbook> fill = wb -> {
            var sheet = wb.createSheet("S");
            for (int r = 0; r < texts.size(); r++) {
                sheet.createRow(r).createCell(0).setCellValue(texts.get(r));
            }
        };
        byte[] ours = write(fill);
        byte[] poi;
        try (var wb = new SXSSFWorkbook(null, 2, false, false)) {
            fill.accept(wb);
            var out = new ByteArrayOutputStream();
            wb.write(out);
            poi = out.toByteArray();
        }
        var texts1 = java.util.regex.Pattern.compile("<t[^>]*>(.*?)</t>", java.util.regex.Pattern.DOTALL);
        java.util.List<String> expected = texts1.matcher(sheetXml(poi)).results().map(m -> m.group(1)).toList();
        java.util.List<String> actual = texts1.matcher(sheetXml(ours)).results().map(m -> m.group(1)).toList();
        assertThat(expected).hasSize(texts.size());
        assertThat(actual).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(actual.get(i)).as("text %d", i).isEqualTo(expected.get(i));
        }
        assertThat(actual.get(0)).isNotEmpty();
    }

    /** Rows written without POI's objects: cells as POI writes them, an infinity and NaN as its error cells. */
    @Test
    void directRowsWriteCellsAsPoiDoesErrorsIncluded() throws IOException {
        var xml = new SheetXmlWriter();
        String written;
        try {
            xml.beginRow(4);
            xml.number(0, Double.POSITIVE_INFINITY, 0);
            xml.number(1, Double.NaN, 3);
            xml.number(2, 1.5, 0);
            xml.text(4, " a<b ", 2); // after a gap: with its reference
            xml.blank(5, 2);
            xml.bool(6, true, 0);
            xml.endRow();
            xml.close();
            try (var in = xml.getWorksheetXMLInputStream()) {
                written = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            xml.discard();
        }
        assertThat(written).isEqualTo("<row r=\"5\">\n"
                + "<c r=\"A5\" t=\"e\"><v>#DIV/0!</v></c>"
                + "<c r=\"B5\" s=\"3\" t=\"e\"><v>#NUM!</v></c>"
                + "<c><v>1.5</v></c>"
                + "<c r=\"E5\" s=\"2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> a&lt;b </t></is></c>"
                + "<c s=\"2\"></c>"
                + "<c t=\"b\"><v>1</v></c>"
                + "</row>\n");
        assertThat(xml.getLastFlushedRow()).isEqualTo(4);
        assertThat(xml.getNumberOfFlushedRows()).isEqualTo(1);
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
