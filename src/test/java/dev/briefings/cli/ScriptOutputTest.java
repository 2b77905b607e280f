package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --quiet} and {@code --json} for scripts. The figures are those of the e2e input, worked out by hand in
 * {@link BriefingRunTest}: 15 read = 6 accepted + 9 rejected, all 6 in the nightly; USD 2,000,650,100.00 committed
 * and USD 975,000,000.00 proposed.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScriptOutputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;
    Path input;
    Path data;

    @BeforeEach
    void setUp() throws Exception {
        input = CliRun.copyResource("e2e/input", tmp.resolve("input"));
        data = tmp.resolve("data");
    }

    @AfterEach
    void clearSettings() {
        System.clearProperty("briefings.retention.keep-runs");
        System.clearProperty("briefings.desk.contact");
    }

    private CliRun run(Path out, String asOf, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--output", out.toString(),
                "--data", data.toString(), "--as-of", asOf));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Standard output is exactly one JSON object on one line. */
    private static JsonNode onlyObject(CliRun r) {
        assertThat(r.out().strip()).as(r.toString()).doesNotContain("\n").startsWith("{").endsWith("}");
        JsonNode node = JSON.readTree(r.out());
        assertThat(node.isObject()).isTrue();
        return node;
    }

    @Test
    void runJsonIsOneObjectWithStatusFilesCountsAndExactTotals() throws Exception {
        Path out = tmp.resolve("out");
        CliRun first = run(out, "2025-10-31", "--json");
        assertThat(first.code()).as(first.toString()).isZero();
        JsonNode j = onlyObject(first);
        assertThat(j.get("command").stringValue()).isEqualTo("run");
        assertThat(j.get("status").stringValue()).isEqualTo("completed");
        assertThat(j.get("exitCode").intValue()).isZero();
        assertThat(j.get("asOf").stringValue()).isEqualTo("2025-10-31");
        assertThat(j.get("edition").stringValue()).isEqualTo("nightly");
        assertThat(j.get("revision").longValue()).isEqualTo(1);
        assertThat(j.get("folder").stringValue()).isEqualTo(out.toAbsolutePath().normalize().toString());
        List<String> files = new ArrayList<>();
        for (JsonNode f : j.get("files")) {
            files.add(f.get("file").stringValue());
            assertThat(f.get("bytes").longValue()).isEqualTo(Files.size(out.resolve(f.get("file").stringValue())));
        }
        assertThat(files).containsExactly("briefing.pdf", "briefing.xlsx", "rejects.json");
        JsonNode counts = j.get("counts");
        assertThat(List.of(counts.get("read").longValue(), counts.get("accepted").longValue(),
                counts.get("rejected").longValue(), counts.get("included").longValue())).containsExactly(15L, 6L, 9L, 6L);
        // Exact decimals as strings: no binary floating point on the way to a script.
        assertThat(j.get("totals").get("committedUsd").isString()).isTrue();
        assertThat(j.get("totals").get("committedUsd").stringValue()).isEqualTo("2000650100.00");
        assertThat(j.get("totals").get("proposedUsd").stringValue()).isEqualTo("975000000.00");
        assertThat(first.out()).doesNotContain("Wrote the briefing");

        // Run again: already done, with the same figures read back from the run folder.
        CliRun again = run(out, "2025-10-31", "--json");
        assertThat(again.code()).as(again.toString()).isZero();
        JsonNode k = onlyObject(again);
        assertThat(k.get("status").stringValue()).isEqualTo("already-done");
        assertThat(k.get("totals").get("committedUsd").stringValue()).isEqualTo("2000650100.00");
        assertThat(k.get("counts").get("read").longValue()).isEqualTo(15);
    }

    @Test
    void runQuietPrintsNothingOnStandardOutputAndErrorsStillOnStandardError(CapturedOutput output) throws Exception {
        Path out = tmp.resolve("out");
        CliRun quiet = run(out, "2025-10-31", "--quiet");
        assertThat(quiet.code()).as(quiet.toString()).isZero();
        assertThat(quiet.out()).isEmpty();
        assertThat(out.resolve("briefing.pdf")).exists();
        // Nor does anything else in the process write on standard output (logs go to standard error).
        assertThat(output.getOut()).isEmpty();

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun bad = CliRun.of("run", "--quiet", "--input", empty.toString(), "--data", data.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).contains(empty.toString());
    }

    @Test
    void quietAndJsonTogetherAreAUsageError() {
        for (String command : new String[] {"run", "distribute --run x", "retention"}) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.addAll(List.of("--quiet", "--json"));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).contains("--quiet and --json cannot be used together");
        }
    }

    @Test
    void deliveryCountsInJsonAndOnlyProblemsWhenQuiet() throws Exception {
        Files.writeString(input.resolve("recipients.json"), """
                [{"id": "alice", "name": "Alice Archer", "email": "alice@example.org", "organization": "Archer Capital"},
                 {"id": "bad", "name": "No Address", "email": "not-an-address", "organization": "Nowhere"}]""");
        Path out = tmp.resolve("out");
        CliRun first = run(out, "2025-10-31", "--distribute", "--json");
        assertThat(first.code()).as(first.toString()).isEqualTo(3);
        JsonNode j = onlyObject(first);
        assertThat(j.get("status").stringValue()).isEqualTo("completed");
        assertThat(j.get("exitCode").intValue()).isEqualTo(3);
        JsonNode d = j.get("delivery");
        assertThat(d.get("channel").stringValue()).isEqualTo("outbox");
        assertThat(d.get("status").stringValue()).isEqualTo("completed");
        assertThat(d.get("delivered").intValue()).isEqualTo(1);
        assertThat(d.get("alreadyDelivered").intValue()).isZero();
        assertThat(d.get("rejected").intValue()).isEqualTo(1);
        assertThat(d.get("allDelivered").booleanValue()).isFalse();
        assertThat(d.get("rejectedRecipients").get(0).get("id").stringValue()).isEqualTo("bad");
        assertThat(Path.of(d.get("log").stringValue())).exists();

        CliRun again = CliRun.of("distribute", "--run", out.toString(), "--data", data.toString(), "--json");
        assertThat(again.code()).as(again.toString()).isEqualTo(3);
        JsonNode k = onlyObject(again);
        assertThat(k.get("command").stringValue()).isEqualTo("distribute");
        assertThat(k.get("recipients").stringValue()).isEqualTo(input.toAbsolutePath().resolve("recipients.json").toString());
        assertThat(k.get("delivery").get("delivered").intValue()).isZero();
        assertThat(k.get("delivery").get("alreadyDelivered").intValue()).isEqualTo(1);

        CliRun quiet = CliRun.of("distribute", "--run", out.toString(), "--data", data.toString(), "--quiet");
        assertThat(quiet.code()).as(quiet.toString()).isEqualTo(3);
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.err()).contains("(bad)", "1 recipients rejected", "deliveries.json");
    }

    @Test
    void retentionJsonListsWhatADryRunWouldRemove() {
        CliRun unset = CliRun.of("retention", "--json", "--data", data.toString());
        assertThat(unset.code()).as(unset.toString()).isZero();
        JsonNode u = onlyObject(unset);
        assertThat(u.get("configured").booleanValue()).isFalse();
        assertThat(u.get("briefings")).isEmpty();

        for (String asOf : new String[] {"2025-10-01", "2025-10-02"}) {
            CliRun r = run(tmp.resolve("out").resolve(asOf), asOf, "--quiet");
            assertThat(r.code()).as(r.toString()).isZero();
        }
        System.setProperty("briefings.retention.keep-runs", "1");
        CliRun dry = CliRun.of("retention", "--dry-run", "--json", "--data", data.toString());
        assertThat(dry.code()).as(dry.toString()).isZero();
        JsonNode d = onlyObject(dry);
        assertThat(d.get("configured").booleanValue()).isTrue();
        assertThat(d.get("dryRun").booleanValue()).isTrue();
        assertThat(d.get("briefings")).hasSize(1);
        assertThat(d.get("briefings").get(0).get("asOf").stringValue()).isEqualTo("2025-10-01");
        assertThat(d.get("briefings").get(0).get("edition").stringValue()).isEqualTo("nightly");
        assertThat(tmp.resolve("out/2025-10-01/manifest.json")).exists();

        CliRun quiet = CliRun.of("retention", "--quiet", "--data", data.toString());
        assertThat(quiet.code()).as(quiet.toString()).isZero();
        assertThat(quiet.out()).isEmpty();
        assertThat(tmp.resolve("out/2025-10-01")).doesNotExist();
    }

    @Test
    void aBadDeskContactIsAConfigurationErrorBeforeAnythingRuns() {
        System.setProperty("briefings.desk.contact", "call the desk");
        Path out = tmp.resolve("out");
        CliRun r = run(out, "2025-10-31");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("briefings.desk.contact 'call the desk' is neither an e-mail address");
        assertThat(r.err()).doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }
}
