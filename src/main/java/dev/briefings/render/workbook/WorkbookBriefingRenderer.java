package dev.briefings.render.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.InitiativeRows;

/**
 * Renders a briefing as an .xlsx workbook with the sheets Summary, Initiatives, Funding, Risks, Changes and Sources.
 * <p>
 * Built on an .xlsx template (see templates/README.md) with POI's streaming SXSSF: only a window of rows per sheet
 * is in memory, the rest goes to compressed temporary files, so {@link InitiativeRows} may deliver a million rows.
 * The rows are read once, feeding Initiatives and Sources together. Text from records is always written as text, never as a
 * formula.
 */
public final class WorkbookBriefingRenderer {

    /** Rows per sheet kept in memory before they are flushed to the temporary file. */
    static final int ROW_WINDOW = 100;

    private final Path templateFile;

    public WorkbookBriefingRenderer(Path templateFile) {
        this.templateFile = Objects.requireNonNull(templateFile, "templateFile");
    }

    /**
     * Writes the workbook to {@code out} (replacing it). The file appears only once complete.
     *
     * @throws TemplateException    when the template is missing, unreadable or lacks a sheet, header or style
     * @throws UncheckedIOException when the workbook cannot be written
     */
    public void render(BriefingModel model, InitiativeRows rows, Path out) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(out, "out");
        WorkbookTemplate.Opened template = WorkbookTemplate.open(templateFile);
        // Temp files uncompressed (faster; they are deleted at once); shared strings off (that table would hold every text).
        try (var xssf = template.workbook();
             var workbook = new SXSSFWorkbook(xssf, ROW_WINDOW, false, false)) {
            try {
                var styles = template.styles();
                // One pass over the rows feeds both streamed sheets: each row is read (and parsed) once.
                var initiativesSheet = new InitiativesSheet(workbook, styles);
                var sourcesSheet = new SourcesSheet(workbook, styles);
                initiativesSheet.begin();
                sourcesSheet.begin();
                rows.forEach(item -> {
                    initiativesSheet.accept(item);
                    sourcesSheet.accept(item);
                });
                StreamedCount initiatives = initiativesSheet.end();
                StreamedCount sources = sourcesSheet.end();
                new SummarySheet(workbook, styles).write(model, initiatives, sources);
                new FundingSheet(workbook, styles).write(model);
                new RisksSheet(workbook, styles).write(model);
                new ChangesSheet(workbook, styles).write(model);
                save(workbook, out);
            } finally {
                workbook.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write workbook " + out + ": " + e.getMessage(), e);
        }
    }

    /** Writes next to the target and moves it into place, so a failed run never leaves a half-written workbook. */
    private static void save(SXSSFWorkbook workbook, Path out) throws IOException {
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, target.getFileName().toString(), ".part");
        try {
            try (OutputStream os = Files.newOutputStream(partial)) {
                workbook.write(os);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
