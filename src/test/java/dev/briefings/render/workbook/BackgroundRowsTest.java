package dev.briefings.render.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.briefing.InitiativeRow;
import dev.briefings.briefing.SampleBriefings;

/** Rows written on the second thread arrive in order, all of them; a failure there reaches the caller. */
class BackgroundRowsTest {

    @TempDir
    Path tmp;

    private final WorkbookBriefingRenderer renderer = new WorkbookBriefingRenderer(WorkbookBriefingRendererTest.TEMPLATE);

    @Test
    void everyRowInTheOrderGiven() throws Exception {
        Path out = tmp.resolve("out.xlsx");
        int n = 1_000; // several batches and a partial last one
        try (var workbook = renderer.begin(); var rows = new BackgroundRows(workbook, () -> { })) {
            SampleBriefings.manyRows(n).forEach(rows);
            rows.finish();
            workbook.finish(SampleBriefings.small(), out);
        }
        try (var wb = new XSSFWorkbook(out.toFile())) {
            Sheet sheet = wb.getSheet("Initiatives");
            List<String> ids = new ArrayList<>();
            for (Row row : sheet) {
                String id = row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue();
                if (id.startsWith("synthetic-")) {
                    ids.add(id);
                }
            }
            assertThat(ids).hasSize(n).startsWith("synthetic-0", "synthetic-1").endsWith("synthetic-999");
            for (int i = 0; i < n; i++) {
                assertThat(ids.get(i)).isEqualTo("synthetic-" + i);
            }
        }
    }

    @Test
    void aFailureOnTheWriterThreadIsThrownToTheCaller() {
        InitiativeRow good = SampleBriefings.small().largest().get(0);
        // No sources list: writing this row fails on the writer thread.
        InitiativeRow broken = new InitiativeRow("broken", "Broken", "PARTNERSHIP", "ANNOUNCED", null, List.of(),
                List.of(), List.of(), List.of(), null, true, null, true, null, null, null, List.of());
        assertThatThrownBy(() -> {
            try (var workbook = renderer.begin(); var rows = new BackgroundRows(workbook, () -> { })) {
                rows.accept(good);
                rows.accept(broken);
                for (int i = 0; i < 5_000; i++) {
                    rows.accept(good);
                }
                rows.finish();
            }
        }).isInstanceOf(NullPointerException.class);
    }
}
