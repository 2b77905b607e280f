package dev.briefings.render.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.briefing.SampleBriefings;

/**
 * The workbook as another spreadsheet program reads it: LibreOffice (headless, converting each sheet to CSV) must
 * see every streamed row's cells in the columns POI sees them in. The rows leave out cell references where the
 * format allows (see {@link SheetXmlWriter}); this is the check that a real reader agrees. CI installs LibreOffice
 * and sets BRIEFINGS_REQUIRE_LIBREOFFICE, so there it runs or fails; elsewhere it runs where LibreOffice is.
 */
class WorkbookInLibreOfficeTest {

    @TempDir
    Path dir;

    @Test
    void libreOfficeReadsTheStreamedSheetsAsPoiDoes() throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        if (System.getenv("CI") != null || System.getenv("BRIEFINGS_REQUIRE_LIBREOFFICE") != null) {
            assertThat(soffice).as("CI installs LibreOffice (.ci/run)").isExecutable();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(soffice),
                "LibreOffice is not installed (CI installs it: see .ci/run)");
        Path out = dir.resolve("briefing.xlsx");
        new WorkbookBriefingRenderer(WorkbookBriefingRendererTest.TEMPLATE).render(SampleBriefings.small(),
                action -> {
                    SampleBriefings.manyRows(250).forEach(action);
                    SampleBriefings.small().largest().forEach(action);
                }, out);

        Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                out.toString(), "--outdir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice converts within 3 minutes").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("soffice.log"))).isZero();

        try (InputStream in = Files.newInputStream(out); var wb = new XSSFWorkbook(in)) {
            for (String name : List.of(WorkbookTemplate.INITIATIVES, WorkbookTemplate.SOURCES)) {
                Sheet sheet = wb.getSheet(name);
                List<CSVRecord> csv = read(dir.resolve("briefing-" + name + ".csv"));
                assertThat(csv).as(name + " rows").hasSize(sheet.getLastRowNum() + 1);
                int columns = name.equals(WorkbookTemplate.INITIATIVES) ? WorkbookTemplate.INITIATIVE_COLUMNS
                        : WorkbookTemplate.SOURCE_COLUMNS;
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    CSVRecord line = csv.get(r);
                    assertThat(line.size()).as("%s row %d", name, r).isEqualTo(columns);
                    for (int c = 0; c < columns; c++) {
                        Cell cell = sheet.getRow(r).getCell(c);
                        String seen = line.get(c);
                        if (cell == null || cell.getCellType() == CellType.BLANK) {
                            assertThat(seen).as("%s %d,%d", name, r, c).isEmpty();
                        } else if (cell.getCellType() == CellType.STRING) {
                            assertThat(seen).as("%s %d,%d", name, r, c).isEqualTo(cell.getStringCellValue());
                        } else if (cell.getCellType() == CellType.BOOLEAN) {
                            assertThat(seen).as("%s %d,%d", name, r, c).isEqualToIgnoringCase(String.valueOf(cell.getBooleanCellValue()));
                        } else if (!org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
                            assertThat(new BigDecimal(seen)).as("%s %d,%d", name, r, c)
                                    .isEqualByComparingTo(BigDecimal.valueOf(cell.getNumericCellValue()));
                        } else {
                            assertThat(seen).as("%s %d,%d", name, r, c).isEqualTo(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                        }
                    }
                }
            }
        }
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (var parser = CSVFormat.DEFAULT.parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return new ArrayList<>(parser.getRecords());
        }
    }
}
