package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.publish.Manifest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole run through the command line on a small input whose figures are worked out by hand:
 * a: AUD 1,000,000 committed at 0.65 = USD 650,000, split over MINING/PROCESSING and US/AU;
 * b: USD 975,000,000 proposed over PROCESSING/REFINING; c: USD 135,000,000 proposed, part of b;
 * d: USD 100.00 disbursed, MAGNETS, split over US/JP/AU; n: USD 2,000,000,000 committed, STOCKPILING, US;
 * m: no funding. Everything else is rejected, each for its own reason.
 */
class BriefingRunTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;
    Path input;
    Path data;

    @BeforeEach
    void setUp() throws IOException {
        input = CliRun.copyResource("e2e/input", tmp.resolve("input"));
        data = tmp.resolve("data");
    }

    private CliRun run(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--output", out.toString(),
                "--data", data.toString(), "--as-of", "2025-10-31"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void nightlyBriefingReconcilesAndListsEveryReject() throws Exception {
        Path out = tmp.resolve("out");
        CliRun result = run(out);
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("15 read = 6 accepted + 9 rejected");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("briefing.pdf", "briefing.xlsx", "rejects.json", "manifest.json");
        }
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }

        Manifest m = Manifest.read(out.resolve("manifest.json"));
        assertThat(m.counts().read()).isEqualTo(15);
        assertThat(m.counts().accepted()).isEqualTo(6);
        assertThat(m.counts().rejected()).isEqualTo(9);
        assertThat(m.totals().committedUsd()).isEqualByComparingTo("2000650100.00");
        assertThat(m.totals().proposedUsd()).isEqualByComparingTo("975000000.00");
        Map<String, Manifest.Amount> byStage = m.totals().breakdowns().get("byStage");
        assertThat(byStage.get("MINING").committedUsd()).isEqualByComparingTo("325000.00");
        assertThat(byStage.get("PROCESSING").committedUsd()).isEqualByComparingTo("325000.00");
        assertThat(byStage.get("MAGNETS").committedUsd()).isEqualByComparingTo("100.00");
        assertThat(byStage.get("STOCKPILING").committedUsd()).isEqualByComparingTo("2000000000.00");
        // b's remainder (975M - 135M = 840M) split evenly; c's 135M on REFINING.
        assertThat(byStage.get("PROCESSING").proposedUsd()).isEqualByComparingTo("420000000.00");
        assertThat(byStage.get("REFINING").proposedUsd()).isEqualByComparingTo("555000000.00");
        Map<String, Manifest.Amount> byParty = m.totals().breakdowns().get("byParty");
        // d's 100.00 in thirds: the leftover cent goes to one party so the breakdown sums to the total.
        assertThat(byParty.get("US").committedUsd()).isEqualByComparingTo("2000325033.33");
        assertThat(byParty.get("AU").committedUsd()).isEqualByComparingTo("325033.34");
        assertThat(byParty.get("JP").committedUsd()).isEqualByComparingTo("33.33");
        for (var breakdown : m.totals().breakdowns().values()) {
            assertThat(breakdown.values().stream().map(Manifest.Amount::committedUsd).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("2000650100.00");
            assertThat(breakdown.values().stream().map(Manifest.Amount::proposedUsd).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("975000000.00");
        }
        for (var output : m.outputs()) {
            assertThat(Files.size(out.resolve(output.file()))).isEqualTo(output.size());
            assertThat(output.sha256()).hasSize(64);
        }
        assertThat(m.outputs()).extracting(o -> o.role()).containsExactly("briefing", "workbook", "rejects");
        assertThat(m.inputs()).extracting(i -> i.file()).contains("initiatives/10-good.json", "initiatives/20-more.jsonl",
                "initiatives/30-bad.json", "fx-rates.json", "market-context.json");

        JsonNode rejects = JSON.readTree(out.resolve("rejects.json").toFile());
        assertThat(rejects.get("count").asLong()).isEqualTo(9);
        assertThat(rejects.get("rejects")).hasSize(9);
        assertReject(rejects, "initiatives/10-good.json", "[4]", "e", "funding[0].currency", "CHF", "no rate in fx-rates.json");
        assertReject(rejects, "initiatives/20-more.jsonl", "line 1", "a", "already used by the record at initiatives/10-good.json [0]");
        assertReject(rejects, "initiatives/20-more.jsonl", "line 2", "g", "'missing' names no record");
        assertReject(rejects, "initiatives/20-more.jsonl", "line 3", "h", "cycle");
        assertReject(rejects, "initiatives/20-more.jsonl", "line 4", "i", "cycle");
        assertReject(rejects, "initiatives/20-more.jsonl", "line 5", "j", "funding[0].amount", "greater than 0");
        assertReject(rejects, "initiatives/20-more.jsonl", "line 6", "k", "announced", "2025-13-01");
        assertReject(rejects, "initiatives/20-more.jsonl", "line 7", null, "column");
        assertReject(rejects, "initiatives/30-bad.json", "[1]", null, "line 6, column 24", "oops");

        String pdf = pdfText(out.resolve("briefing.pdf"));
        assertThat(pdf).contains("2,000,650,100.00").contains("975,000,000.00").contains("経済産業省")
                .contains("<b>Stockpile</b> appropriation <script>alert(1)</script>")
                .contains("Executive summary").contains("Methodology");
        // Without briefings.desk.* the default desk publishes it: the cover says so, and both documents' author.
        assertThat(pdf).contains("Published by Critical Minerals Research Desk");
        try (PDDocument doc = Loader.loadPDF(out.resolve("briefing.pdf").toFile())) {
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo("Critical Minerals Research Desk");
        }

        try (var wb = new XSSFWorkbook(out.resolve("briefing.xlsx").toFile())) {
            assertThat(wb.getProperties().getCoreProperties().getCreator()).isEqualTo("Critical Minerals Research Desk");
            assertThat(wb.getProperties().getCoreProperties().getSubject()).isEqualTo("nightly edition: All records");
            Sheet initiatives = wb.getSheet("Initiatives");
            List<String> ids = new ArrayList<>();
            for (Row row : initiatives) {
                if (row.getRowNum() > 0 && row.getCell(0) != null) {
                    ids.add(row.getCell(0).getStringCellValue());
                }
            }
            assertThat(ids).containsExactly("a", "b", "c", "d", "m", "n");
            var titleCells = new ArrayList<org.apache.poi.ss.usermodel.Cell>();
            for (Row row : initiatives) {
                if (row.getCell(1) != null && row.getCell(1).getCellType() != CellType.BLANK
                        && row.getCell(1).toString().startsWith("=SUM")) {
                    titleCells.add(row.getCell(1));
                }
            }
            assertThat(titleCells).singleElement().satisfies(c -> {
                assertThat(c.getCellType()).isEqualTo(CellType.STRING);
                assertThat(c.getStringCellValue()).isEqualTo("=SUM(A1) recycling pilot");
            });
        }
    }

    private static void assertReject(JsonNode rejects, String file, String position, String id, String... reasonParts) {
        JsonNode match = null;
        for (JsonNode r : rejects.get("rejects")) {
            if (r.get("file").asString().equals(file) && r.get("position").asString().equals(position)) {
                match = r;
            }
        }
        assertThat(match).as("reject at %s %s in %s", file, position, rejects).isNotNull();
        if (id != null) {
            assertThat(match.get("id").asString()).isEqualTo(id);
        }
        String reasons = match.get("reasons").toString();
        for (String part : reasonParts) {
            assertThat(reasons).contains(part);
        }
    }

    static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            // Whitespace folded: a long title may wrap over two lines.
            return new PDFTextStripper().getText(doc).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
    }

    @Test
    void adHocEditionCountsACarveOutOnceOrAloneDependingOnScope() throws Exception {
        Path refining = tmp.resolve("refining");
        CliRun both = run(refining, "--stage", "REFINING");
        assertThat(both.code()).as(both.toString()).isZero();
        Manifest m = Manifest.read(refining.resolve("manifest.json"));
        assertThat(m.edition()).isEqualTo("stage-refining");
        assertThat(m.counts().included()).isEqualTo(2);
        assertThat(m.totals().proposedUsd()).isEqualByComparingTo("975000000.00");

        // Only the carve-out is in scope: its parent is not, so its own funding counts.
        Path child = tmp.resolve("child");
        CliRun alone = run(child, "--mineral", "Dysprosium");
        assertThat(alone.code()).as(alone.toString()).isZero();
        Manifest c = Manifest.read(child.resolve("manifest.json"));
        assertThat(c.counts().included()).isEqualTo(1);
        assertThat(c.totals().proposedUsd()).isEqualByComparingTo("135000000.00");
        assertThat(c.counts().read()).isEqualTo(15);
    }

    @Test
    void sameBriefingIsNotRedoneUnlessForced() throws Exception {
        Path out = tmp.resolve("out");
        assertThat(run(out).code()).isZero();
        CliRun again = run(out);
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("already written").contains("--force");
        CliRun forced = run(out, "--force");
        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(forced.out()).contains("revision 2");
        assertThat(Manifest.read(out.resolve("manifest.json")).revision()).isEqualTo(2);
    }

    @Test
    void failedRunPublishesNothingAndResumesWhereItStopped() throws Exception {
        Path templates = CliRun.copyResource("../../../templates", tmp.resolve("templates"));
        Path html = templates.resolve("default/briefing.html");
        String good = Files.readString(html);
        // Well-formed, but an expression that fails when the briefing is filled in.
        Files.writeString(html, good.replace("</body>", "<p th:text=\"${model.noSuchThing.value}\">x</p></body>"));
        Path out = tmp.resolve("out");
        CliRun failed = run(out, "--templates", templates.toString());
        assertThat(failed.code()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("failed").contains("Run the same command again");
        assertThat(out).doesNotExist();
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".out"));
        }

        Files.writeString(html, good);
        CliRun resumed = run(out, "--templates", templates.toString());
        assertThat(resumed.code()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("Resumed");
        Manifest m = Manifest.read(out.resolve("manifest.json"));
        // Records were staged once, before the failure, and not again.
        assertThat(m.counts().read()).isEqualTo(15);
        assertThat(m.counts().accepted()).isEqualTo(6);
        assertThat(m.totals().committedUsd()).isEqualByComparingTo("2000650100.00");
    }

    @Test
    void secondNightlyReportsWhatChanged() throws Exception {
        assertThat(run(tmp.resolve("day1")).code()).isZero();
        // Next day: d's amount changes, m disappears, q is new.
        Path good = input.resolve("initiatives/10-good.json");
        Files.writeString(good, Files.readString(good).replace("\"amount\": 100.00", "\"amount\": 250.00"));
        Path more = input.resolve("initiatives/20-more.jsonl");
        Files.writeString(more, Files.readString(more).replaceAll("(?m)^\\{\"id\": \"m\".*$",
                "{\"id\": \"q\", \"title\": \"New one\", \"kind\": \"STOCKPILE\", \"announced\": \"2025-10-30\", \"parties\": [\"US\"], \"stages\": [\"STOCKPILING\"], \"funding\": [{\"amount\": 50, \"currency\": \"USD\", \"status\": \"COMMITTED\"}], \"sources\": [{\"url\": \"https://example.org/q\", \"publisher\": \"X\", \"published\": \"2025-10-30\"}]}"));
        List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--output",
                tmp.resolve("day2").toString(), "--data", data.toString(), "--as-of", "2025-11-01"));
        CliRun second = CliRun.of(args.toArray(String[]::new));
        assertThat(second.code()).as(second.toString()).isZero();
        String text = pdfText(tmp.resolve("day2/briefing.pdf"));
        // committed: 2,000,650,100.00 -> 2,000,650,300.00 (+150 on d, +50 for q): +200.00
        assertThat(text).contains("31 October 2025").contains("+USD 200.00");
        try (var wb = new XSSFWorkbook(tmp.resolve("day2/briefing.xlsx").toFile())) {
            String changes = sheetText(wb.getSheet("Changes"));
            assertThat(changes).contains("q").contains("d").contains("m");
        }
    }

    @Test
    void anEditionAfterANightlyCountsOnlyItsOwnRecordsAsChanged() throws Exception {
        assertThat(run(tmp.resolve("day1")).code()).isZero();
        // Next day d (one of JP's) changes; a, b, c, n and m are out of a JP edition's scope, but still in the input.
        Path good = input.resolve("initiatives/10-good.json");
        Files.writeString(good, Files.readString(good).replace("\"amount\": 100.00", "\"amount\": 250.00"));
        CliRun edition = CliRun.of("run", "--input", input.toString(), "--output", tmp.resolve("day2").toString(),
                "--data", data.toString(), "--as-of", "2025-11-01", "--party", "JP");
        assertThat(edition.code()).as(edition.toString()).isZero();
        try (var wb = new XSSFWorkbook(tmp.resolve("day2/briefing.xlsx").toFile())) {
            Sheet changes = wb.getSheet("Changes");
            assertThat(labelled(changes, "Changed")).isEqualTo(1);
            // Out of scope is not removed: the edition saw them all.
            assertThat(labelled(changes, "Removed")).isZero();
            assertThat(labelled(changes, "Added")).isZero();
        }
    }

    /** The number beside a label in column A. */
    private static double labelled(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && label.equals(row.getCell(0).toString()) && row.getCell(1) != null) {
                return row.getCell(1).getNumericCellValue();
            }
        }
        throw new AssertionError("no row labelled " + label + " in " + sheetText(sheet));
    }

    static String sheetText(Sheet sheet) {
        StringBuilder sb = new StringBuilder();
        for (Row row : sheet) {
            row.forEach(c -> sb.append(c.toString()).append(' '));
            sb.append('\n');
        }
        return sb.toString();
    }

    static File file(Path p) {
        return p.toFile();
    }
}
