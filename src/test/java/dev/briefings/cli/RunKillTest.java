package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.BriefingsApplication;
import dev.briefings.ChildJvm;
import dev.briefings.TestFolders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code run} in a real child JVM, killed with SIGKILL while it ingests, while it composes and while it
 * publishes, then run again in this JVM: every record is counted once, the briefing's figures are those of an
 * uninterrupted run, and nothing is ever half-published or left behind.
 */
class RunKillTest {

    /** Valid records (USD 1,000 committed each) and, among them, records with an unknown kind. */
    private static final int GOOD = 6_000;
    private static final int BAD = 1_500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    /** Every fifth line is rejected; 7,500 lines make four chunks of the ingest step. */
    private Path input() throws IOException {
        Path input = Files.createDirectories(tmp.resolve("input/initiatives")).getParent();
        Files.copy(TestFolders.E2E_INPUT.resolve("fx-rates.json"), input.resolve("fx-rates.json"));
        Files.copy(TestFolders.E2E_INPUT.resolve("market-context.json"), input.resolve("market-context.json"));
        StringBuilder lines = new StringBuilder();
        int good = 0;
        int bad = 0;
        for (int line = 1; line <= GOOD + BAD; line++) {
            boolean rejected = line % 5 == 0;
            String id = rejected ? String.format("x-%05d", ++bad) : String.format("r-%05d", ++good);
            lines.append(String.format("{\"id\": \"%s\", \"title\": \"Project %s\", \"kind\": \"%s\", \"announced\": \"2025-01-15\", "
                    + "\"parties\": [\"US\"], \"stages\": [\"MINING\"], "
                    + "\"funding\": [{\"amount\": 1000, \"currency\": \"USD\", \"status\": \"COMMITTED\"}], "
                    + "\"sources\": [{\"url\": \"https://example.org/%s\", \"publisher\": \"Test\", \"published\": \"2025-01-15\"}]}\n",
                    id, id, rejected ? "NOT_A_KIND" : "PRIVATE_PROJECT", id));
        }
        Files.writeString(input.resolve("initiatives/bulk.jsonl"), lines);
        return input;
    }

    private static String[] runArgs(Path input, Path out, Path data) {
        return new String[] {"run", "--input", input.toString(), "--output", out.toString(), "--data", data.toString(),
                "--as-of", "2025-10-31"};
    }

    @Test
    void killedWhileIngestingComposingAndPublishingThenResumedGivesTheUninterruptedBriefing() throws Exception {
        Path input = input();
        Path reference = tmp.resolve("reference/2025-10-31/nightly");
        CliRun uninterrupted = CliRun.of(runArgs(input, reference, tmp.resolve("reference-data")));
        assertThat(uninterrupted.code()).as(uninterrupted.toString()).isZero();
        JsonNode referenceManifest = JSON.readTree(reference.resolve("manifest.json").toFile());
        // Worked out from the input: every fifth line rejected, USD 1,000 committed per accepted record.
        assertThat(referenceManifest.get("counts").toString())
                .isEqualTo("{\"read\":7500,\"accepted\":6000,\"rejected\":1500,\"included\":6000}");
        assertThat(referenceManifest.get("totals").get("committedUsd").decimalValue())
                .isEqualByComparingTo(new BigDecimal("6000000.00"));

        // The publish window is short (tens of milliseconds); on this machine the poll catches it every time, but a
        // child that finished first still has to leave a whole briefing that the rerun accepts.
        record KillPoint(String name, boolean mustHit) {
        }
        for (KillPoint point : List.of(new KillPoint("ingest", true), new KillPoint("compose", true),
                new KillPoint("publish", false))) {
            Path data = tmp.resolve("data-" + point.name());
            Path out = tmp.resolve("out-" + point.name() + "/2025-10-31/nightly");
            BooleanSupplier reached = switch (point.name()) {
                // The first chunks of records are in the work folder.
                case "ingest" -> () -> sizeOf(workFile(data, "accepted.bin")) > 0;
                // The workbook's rows are being written.
                case "compose" -> () -> workFile(data, "briefing.xlsx") != null;
                // The hidden folder the briefing is assembled in exists, or the briefing itself.
                default -> () -> hiddenSiblings(out).findAny().isPresent() || Files.exists(out);
            };
            boolean midPublish;
            try (ChildJvm child = ChildJvm.start(tmp.resolve("run-" + point.name() + ".log"), List.of(),
                    BriefingsApplication.class, runArgs(input, out, data))) {
                boolean killed = child.killWhen(reached, Duration.ofSeconds(120));
                if (point.mustHit()) {
                    assertThat(killed).as("still running at " + point.name() + ":\n" + child.output()).isTrue();
                }
                midPublish = killed && hiddenSiblings(out).findAny().isPresent();
            }
            assertWholeOrAbsent(out);

            CliRun resumed = CliRun.of(runArgs(input, out, data));
            assertThat(resumed.code()).as(point.name() + ": " + resumed).isZero();
            if (point.mustHit() || midPublish) {
                assertThat(resumed.out()).as(point.name()).startsWith("Resumed and wrote the briefing");
            }

            JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
            assertThat(manifest.get("counts")).as(point.name()).isEqualTo(referenceManifest.get("counts"));
            assertThat(manifest.get("totals")).as(point.name()).isEqualTo(referenceManifest.get("totals"));
            assertThat(out.resolve("rejects.json")).hasSameBinaryContentAs(reference.resolve("rejects.json"));
            assertWholeOrAbsent(out);
            assertEachAcceptedRecordOnceInTheWorkbook(out.resolve("briefing.xlsx"));
            assertThat(hiddenSiblings(out)).as("left beside the briefing").isEmpty();
            try (Stream<Path> files = Files.walk(out.getParent().getParent())) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp") || n.endsWith(".part")))
                        .isEmpty();
            }
            // The work folder is only kept until the briefing is published.
            try (Stream<Path> work = Files.list(data.resolve("work"))) {
                assertThat(work).isEmpty();
            }
        }
    }

    /** A file in the run's work folder (data/work/<instance>/) whose name starts with {@code prefix}, or null. */
    private static Path workFile(Path data, String prefix) {
        try (Stream<Path> instances = Files.list(data.resolve("work"))) {
            for (Path instance : instances.toList()) {
                try (Stream<Path> files = Files.list(instance)) {
                    var found = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
        } catch (IOException e) {
            // Not made yet, or deleted once published.
        }
        return null;
    }

    private static long sizeOf(Path file) {
        try {
            return file == null ? -1 : Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static Stream<Path> hiddenSiblings(Path out) {
        try {
            String prefix = "." + out.getFileName() + ".";
            return Files.list(out.getParent()).filter(p -> p.getFileName().toString().startsWith(prefix)).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    /** A briefing folder is either absent or complete: every output its manifest lists, with that size and digest. */
    private static void assertWholeOrAbsent(Path out) throws Exception {
        if (!Files.exists(out)) {
            return;
        }
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("outputs")).hasSize(3);
        for (JsonNode o : manifest.get("outputs")) {
            Path file = out.resolve(o.get("file").asString());
            assertThat(Files.size(file)).as(file.toString()).isEqualTo(o.get("size").asLong());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))))
                    .as(file.toString()).isEqualTo(o.get("sha256").asString());
        }
    }

    private static void assertEachAcceptedRecordOnceInTheWorkbook(Path workbook) throws IOException {
        try (var book = new XSSFWorkbook(workbook.toFile())) {
            Sheet initiatives = book.getSheet("Initiatives");
            assertThat(initiatives.getRow(0).getCell(0).getStringCellValue()).isEqualTo("ID");
            Set<String> ids = new HashSet<>();
            for (int r = 1; r <= initiatives.getLastRowNum(); r++) {
                Row row = initiatives.getRow(r);
                String id = row.getCell(0).getStringCellValue();
                assertThat(ids.add(id)).as("%s listed twice", id).isTrue();
                assertThat(id).startsWith("r-");
            }
            assertThat(ids).hasSize(GOOD);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }
}
