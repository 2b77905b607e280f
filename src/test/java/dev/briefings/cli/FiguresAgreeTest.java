package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every money figure a briefing shows agrees with the ledger. The briefing is made by the command line (the shipped
 * sample, and a generated input with carve-outs), then read back: the manifest's totals and breakdowns, the
 * workbook's rows (each record's own funding and what it is part of) and risk notes, and the PDF's text. The test
 * applies the carve-out rule itself, from those rows: a note's amount is the funding of the records it names,
 * counting a record only if no in-scope ancestor of it is named too.
 */
class FiguresAgreeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern USD_EXACT = Pattern.compile("USD ([0-9][0-9,]*\\.[0-9]{2})(?! (?:billion|million))");
    private static final Pattern USD_BILLION = Pattern.compile("USD ([0-9]+(?:\\.[0-9]+)?) billion");
    private static final BigDecimal CENT = new BigDecimal("0.01");

    @TempDir
    Path tmp;

    private record Funded(String id, String partOf, boolean counted, BigDecimal committed, BigDecimal proposed) {
    }

    private record Note(String origin, String why, List<String> ids, long count) {
    }

    @Test
    void theShippedSampleStatesEveryFigureOnce() throws Exception {
        check(Path.of("input"), 26);
    }

    @Test
    void aGeneratedInputWithCarveOutsStatesEveryFigureOnce() throws Exception {
        Path input = tmp.resolve("generated");
        CliRun generated = CliRun.of("generate", "--count", "200", "--seed", "7", "--output", input.toString());
        assertThat(generated.code()).as(generated.toString()).isZero();
        check(input, 200);
    }

    private void check(Path input, int records) throws Exception {
        Path out = tmp.resolve("out-" + input.getFileName());
        CliRun run = CliRun.of("run", "--input", input.toString(), "--output", out.toString(),
                "--data", tmp.resolve("data-" + input.getFileName()).toString(), "--as-of", "2025-10-31");
        assertThat(run.code()).as(run.toString()).isZero();

        JsonNode totals = JSON.readTree(out.resolve("manifest.json").toFile()).get("totals");
        BigDecimal committed = totals.get("committedUsd").decimalValue();
        BigDecimal proposed = totals.get("proposedUsd").decimalValue();
        Set<BigDecimal> ledgerFigures = new HashSet<>();
        ledgerFigures.add(cents(committed));
        ledgerFigures.add(cents(proposed));
        for (var by : totals.properties()) {
            if (by.getValue().isObject()) {
                for (var key : by.getValue().properties()) {
                    ledgerFigures.add(cents(key.getValue().get("committedUsd").decimalValue()));
                    ledgerFigures.add(cents(key.getValue().get("proposedUsd").decimalValue()));
                }
            }
        }

        Map<String, Funded> rows = new LinkedHashMap<>();
        List<Note> notes = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(out.resolve("briefing.xlsx").toFile())) {
            readInitiatives(workbook.getSheet("Initiatives"), rows);
            readRisks(workbook.getSheet("Risks"), notes);
            // The Summary's key figures and every amount on the Funding sheet are the manifest's.
            Map<String, BigDecimal> summary = new HashMap<>();
            for (Row row : workbook.getSheet("Summary")) {
                if (row.getCell(1) != null && row.getCell(1).getCellType() == CellType.NUMERIC) {
                    summary.put(text(row.getCell(0)), number(row.getCell(1)));
                }
            }
            assertThat(summary.get("Committed funding (USD)")).isEqualByComparingTo(cents(committed));
            assertThat(summary.get("Proposed funding (USD)")).isEqualByComparingTo(cents(proposed));
            int amounts = 0;
            boolean timeline = false;
            BigDecimal byQuarter = BigDecimal.ZERO;
            long announced = 0;
            for (Row row : workbook.getSheet("Funding")) {
                timeline |= text(row.getCell(0)).startsWith("Timeline");
                if (timeline) {
                    // Quarters are not in the manifest; they add up to its committed total and its count.
                    if (row.getCell(2) != null && row.getCell(2).getCellType() == CellType.NUMERIC) {
                        byQuarter = byQuarter.add(number(row.getCell(2)));
                        announced += (long) row.getCell(1).getNumericCellValue();
                    }
                    continue;
                }
                for (int c = 1; c <= 2; c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                        assertThat(ledgerFigures).as("Funding sheet row " + (row.getRowNum() + 1)).contains(number(cell));
                        amounts++;
                    }
                }
            }
            assertThat(amounts).as("amounts on the Funding sheet").isGreaterThan(10);
            assertClose(byQuarter, committed, 40, "committed by quarter");
            assertThat(announced).as("announcements by quarter").isEqualTo(records);
        }
        assertThat(rows).hasSize(records);

        // The rows counted in the totals add up to them (each row is rounded to cents, so allow half a cent a row).
        BigDecimal countedCommitted = BigDecimal.ZERO;
        BigDecimal countedProposed = BigDecimal.ZERO;
        for (Funded f : rows.values()) {
            assertThat(f.counted()).as("counted in totals: " + f.id()).isEqualTo(nearestInScopeAncestor(f, rows) == null);
            if (f.counted()) {
                countedCommitted = countedCommitted.add(f.committed());
                countedProposed = countedProposed.add(f.proposed());
            }
        }
        assertClose(countedCommitted, committed, rows.size(), "committed total");
        assertClose(countedProposed, proposed, rows.size(), "proposed total");

        // Every amount a risk note states is the ledger's figure for the records it names, or a manifest figure.
        Set<BigDecimal> noteFigures = new HashSet<>();
        int checkedNotes = 0;
        for (Note note : notes) {
            List<BigDecimal> amounts = amounts(USD_EXACT, note.why());
            if (amounts.isEmpty()) {
                continue;
            }
            noteFigures.addAll(amounts);
            if (note.origin().endsWith("concentration")) {
                for (BigDecimal amount : amounts) {
                    assertThat(ledgerFigures).as("concentration note: " + note.why()).contains(amount);
                }
                checkedNotes++;
                continue;
            }
            assertThat(note.ids()).as("a note with amounts names all its records here: " + note.why())
                    .hasSize((int) note.count());
            Set<String> named = new HashSet<>(note.ids());
            BigDecimal c = BigDecimal.ZERO;
            BigDecimal p = BigDecimal.ZERO;
            for (String id : named) {
                Funded f = rows.get(id);
                if (!anyAncestorIn(f, rows, named)) {
                    c = c.add(f.committed());
                    p = p.add(f.proposed());
                }
            }
            for (BigDecimal amount : amounts) {
                assertThat(closeToAny(amount, named.size(), c, p, c.add(p)))
                        .as("%s states %s; the ledger over the records it names: committed %s, proposed %s",
                                note.why(), amount, c, p)
                        .isTrue();
            }
            checkedNotes++;
        }
        assertThat(checkedNotes).as("notes with amounts").isPositive();

        // The PDF: the same notes, and every exact figure is a ledger figure, a record's own, or a checked note's.
        String text;
        try (PDDocument pdf = Loader.loadPDF(out.resolve("briefing.pdf").toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        String squeezed = text.replaceAll("\\s+", "");
        for (Note note : notes) {
            assertThat(squeezed).as("the PDF states the workbook's note").contains(note.why().replaceAll("\\s+", ""));
        }
        Set<BigDecimal> recordFigures = new HashSet<>();
        rows.values().forEach(f -> {
            recordFigures.add(f.committed());
            recordFigures.add(f.proposed());
        });
        Set<BigDecimal> qualityFigures = carveOutSums(text, rows);
        // "Sources disagree" notes quote what each source reports: figures of the sources, not of the ledger.
        qualityFigures.addAll(amounts(Pattern.compile("reports USD ([0-9][0-9,]*\\.[0-9]{2})"), text.replaceAll("\\s+", " ")));
        for (BigDecimal amount : amounts(USD_EXACT, text.replaceAll("\\s+", " "))) {
            assertThat(ledgerFigures.contains(amount) || recordFigures.contains(amount) || noteFigures.contains(amount)
                    || qualityFigures.contains(amount))
                    .as("USD %s in the PDF is a ledger figure, a record's own funding, a checked note's or a source's", amount)
                    .isTrue();
        }
        // Rounded figures in sentences: a ledger figure in billions, to at most two decimals.
        Set<BigDecimal> billions = new HashSet<>();
        ledgerFigures.forEach(f -> billions.add(f.movePointLeft(9).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros()));
        List<BigDecimal> stated = amounts(USD_BILLION, text.replaceAll("\\s+", " "));
        for (BigDecimal b : stated) {
            assertThat(billions).as("USD %s billion in the PDF", b).contains(b.stripTrailingZeros());
        }
    }

    /**
     * The data-quality notes on carve-outs: "Carve-outs of X add up to more than its own funding: committed USD a
     * against USD b, proposed USD c against USD d". b and d are X's own; a and c what its nearest carve-outs add up to.
     */
    private static Set<BigDecimal> carveOutSums(String text, Map<String, Funded> rows) {
        Set<BigDecimal> figures = new HashSet<>();
        Matcher m = Pattern.compile("Carve-outs of (\\S+) add up to more than its own funding: committed USD ([0-9,.]+) "
                + "against USD ([0-9,.]+), proposed USD ([0-9,.]+) against USD ([0-9,.]+)\\.? \\(")
                .matcher(text.replaceAll("\\s+", " "));
        while (m.find()) {
            Funded parent = rows.get(m.group(1));
            assertThat(parent).as("the parent a data-quality note names").isNotNull();
            BigDecimal c = BigDecimal.ZERO;
            BigDecimal p = BigDecimal.ZERO;
            int children = 0;
            for (Funded f : rows.values()) {
                if (parent.id().equals(nearestInScopeAncestor(f, rows))) {
                    c = c.add(f.committed());
                    p = p.add(f.proposed());
                    children++;
                }
            }
            assertClose(money(m.group(2)), c, children, "carve-outs of " + parent.id() + ", committed");
            assertThat(money(m.group(3))).isEqualByComparingTo(parent.committed());
            assertClose(money(m.group(4)), p, children, "carve-outs of " + parent.id() + ", proposed");
            assertThat(money(m.group(5))).isEqualByComparingTo(parent.proposed());
            for (int g = 2; g <= 5; g++) {
                figures.add(money(m.group(g)));
            }
        }
        return figures;
    }

    private static String nearestInScopeAncestor(Funded f, Map<String, Funded> rows) {
        Set<String> seen = new HashSet<>();
        for (String at = f.partOf(); at != null && seen.add(at); at = rows.containsKey(at) ? rows.get(at).partOf() : null) {
            if (rows.containsKey(at)) {
                return at;
            }
        }
        return null;
    }

    private static boolean anyAncestorIn(Funded f, Map<String, Funded> rows, Set<String> named) {
        Set<String> seen = new HashSet<>();
        for (String at = nearestInScopeAncestor(f, rows); at != null && seen.add(at);
             at = nearestInScopeAncestor(rows.get(at), rows)) {
            if (named.contains(at)) {
                return true;
            }
        }
        return false;
    }

    private static void readInitiatives(Sheet sheet, Map<String, Funded> rows) {
        Map<String, Integer> col = header(sheet.getRow(0));
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || text(row.getCell(col.get("ID"))).isEmpty()) {
                continue;
            }
            String partOf = text(row.getCell(col.get("Part of")));
            rows.put(text(row.getCell(col.get("ID"))), new Funded(text(row.getCell(col.get("ID"))),
                    partOf.isEmpty() ? null : partOf, row.getCell(col.get("Counted in totals")).getBooleanCellValue(),
                    number(row.getCell(col.get("Committed USD"))), number(row.getCell(col.get("Proposed USD")))));
        }
    }

    private static void readRisks(Sheet sheet, List<Note> notes) {
        int headerRow = -1;
        for (int r = 0; r <= sheet.getLastRowNum() && headerRow < 0; r++) {
            Row row = sheet.getRow(r);
            if (row != null && "Severity".equals(text(row.getCell(0)))) {
                headerRow = r;
            }
        }
        assertThat(headerRow).as("the Risks sheet's header").isNotNegative();
        Map<String, Integer> col = header(sheet.getRow(headerRow));
        for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || text(row.getCell(col.get("Why"))).isEmpty()) {
                break;
            }
            String ids = text(row.getCell(col.get("Initiatives")));
            notes.add(new Note(text(row.getCell(col.get("Origin"))), text(row.getCell(col.get("Why"))),
                    ids.isEmpty() ? List.of() : List.of(ids.split(", ")),
                    (long) row.getCell(col.get("Initiative count")).getNumericCellValue()));
        }
    }

    private static Map<String, Integer> header(Row row) {
        Map<String, Integer> col = new HashMap<>();
        for (Cell cell : row) {
            col.put(text(cell), cell.getColumnIndex());
        }
        return col;
    }

    private static String text(Cell cell) {
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
    }

    private static BigDecimal number(Cell cell) {
        return cell == null || cell.getCellType() != CellType.NUMERIC ? BigDecimal.ZERO
                : cents(BigDecimal.valueOf(cell.getNumericCellValue()));
    }

    private static List<BigDecimal> amounts(Pattern pattern, String text) {
        List<BigDecimal> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(money(m.group(1)));
        }
        return found;
    }

    private static BigDecimal money(String shown) {
        return cents(new BigDecimal(shown.replace(",", "")));
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Sums of rows rounded to cents may differ from the rounded exact sum by half a cent a row. */
    private static boolean closeToAny(BigDecimal shown, int rowsSummed, BigDecimal... sums) {
        BigDecimal tolerance = CENT.multiply(BigDecimal.valueOf(rowsSummed)).divide(BigDecimal.valueOf(2)).add(CENT);
        for (BigDecimal sum : sums) {
            if (shown.subtract(sum).abs().compareTo(tolerance) <= 0) {
                return true;
            }
        }
        return false;
    }

    private static void assertClose(BigDecimal actual, BigDecimal expected, int rowsSummed, String what) {
        assertThat(closeToAny(actual, rowsSummed, expected)).as("%s: %s against %s", what, actual, expected).isTrue();
    }
}
