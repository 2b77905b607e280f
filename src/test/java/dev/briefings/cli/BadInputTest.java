package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.publish.Manifest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bad input costs at most its own record; a bad option or a refused file is a usage error (2) with one message
 * that names it, never a stack trace, and never echoes control characters or a refused file's content.
 * The e2e input reads 15 records: 6 accepted, 9 rejected (see {@link BriefingRunTest}).
 */
class BadInputTest {

    @TempDir
    Path tmp;
    Path input;

    @BeforeEach
    void setUp() throws IOException {
        input = CliRun.copyResource("e2e/input", tmp.resolve("input"));
    }

    private CliRun run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--data",
                tmp.resolve("data").toString()));
        args.addAll(List.of(extra));
        if (!args.contains("--as-of")) {
            args.addAll(List.of("--as-of", "2025-10-31"));
        }
        if (!args.contains("--output")) {
            args.addAll(List.of("--output", tmp.resolve("out").toString()));
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertUsageError(CliRun r, String... parts) {
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(parts).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().chars().filter(c -> c < 0x20 && c != '\n' && c != '\r')).as("control characters echoed")
                .isEmpty();
    }

    private static final String GOOD = "{\"id\": \"z1\", \"title\": \"Clean record\", \"kind\": \"STOCKPILE\", "
            + "\"announced\": \"2025-10-01\", \"parties\": [\"US\"], \"stages\": [\"STOCKPILING\"], "
            + "\"sources\": [{\"url\": \"https://example.org/z1\", \"publisher\": \"X\", \"published\": \"2025-10-01\"}]}";

    @Test
    void aControlCharacterInARecordCostsThatRecordOnly() throws Exception {
        // Valid JSON: \u0001 in the title, \u0007 in an organization's name.
        String bad = GOOD.replace("z1", "z2").replace("Clean record", "Bad\\u0001title")
                .replace("\"sources\"", "\"organizations\": [{\"name\": \"Org\\u0007x\"}], \"sources\"");
        Files.writeString(input.resolve("initiatives/40-control.jsonl"), GOOD + "\n" + bad + "\n");

        CliRun r = run();

        assertThat(r.code()).as(r.toString()).isZero();
        // 15 + 2 read; the clean one accepted, the other rejected.
        assertThat(r.out()).contains("17 read = 7 accepted + 10 rejected");
        JsonNode rejects = JsonMapper.builder().build().readTree(tmp.resolve("out/rejects.json").toFile());
        JsonNode reject = null;
        for (JsonNode n : rejects.get("rejects")) {
            if ("z2".equals(n.get("id").asString())) {
                reject = n;
            }
        }
        assertThat(reject).isNotNull();
        assertThat(reject.get("file").asString()).isEqualTo("initiatives/40-control.jsonl");
        assertThat(reject.get("position").asString()).isEqualTo("line 2");
        assertThat(reject.get("reasons").toString())
                .contains("`title` contains the control character U+0001 at character 4")
                .contains("`organizations[0].name` contains the control character U+0007 at character 4");
        assertThat(BriefingRunTest.pdfText(tmp.resolve("out/briefing.pdf"))).contains("Clean record");
    }

    @Test
    void filterValuesWithControlCharactersAreUsageErrorsShownEscaped() {
        assertUsageError(run("--mineral", "a\u0001b"), "--mineral 'a\\u0001b' contains the control character U+0001");
        assertUsageError(run("--party", "\u001b[31mAU"), "--party '\\u001B[31MAU' is not an ISO 3166-1");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void asOfDatesOutsideTheDocumentedRangeAreUsageErrorsAndMakeNoFolder() {
        assertUsageError(run("--as-of", "+999999999-12-31"),
                "--as-of '+999999999-12-31' is not between 2000-01-01 and 2100-12-31");
        assertUsageError(run("--as-of", "0001-01-01"), "--as-of '0001-01-01' is not between 2000-01-01 and 2100-12-31");
        assertThat(tmp.resolve("out")).doesNotExist();
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void aLinkOutOfTheInputFolderIsRefusedAndNothingOfItsTargetIsEchoed() throws IOException {
        Path passwd = Files.writeString(tmp.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.createSymbolicLink(input.resolve("initiatives/passwd.jsonl"), passwd);
        CliRun r = run();
        assertUsageError(r, "initiatives/passwd.jsonl: it is a link to a file outside the folder");
        assertThat(r.err() + r.out()).doesNotContain("root:x");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aLinkedFxRatesFileOutsideTheFolderIsRefused() throws IOException {
        Path elsewhere = Files.move(input.resolve("fx-rates.json"), tmp.resolve("fx-rates.json"));
        Files.createSymbolicLink(input.resolve("fx-rates.json"), elsewhere);
        assertUsageError(run(), "fx-rates.json in " + input.toAbsolutePath().normalize()
                + ": it is a link to a file outside the folder");
    }

    @Test
    void aRecordFileLinkedWithinTheFolderIsRead() throws IOException {
        Files.createDirectories(input.resolve("extra"));
        Files.writeString(input.resolve("extra/more.jsonl"), GOOD + "\n");
        Files.createSymbolicLink(input.resolve("initiatives/50-linked.jsonl"), Path.of("../extra/more.jsonl"));
        CliRun r = run();
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("16 read = 7 accepted + 9 rejected");
    }

    @Test
    void aRecordFileWithALineBreakInItsNameIsRefusedNamingIt() throws IOException {
        Files.writeString(input.resolve("initiatives/new\nline.json"), "[]");
        assertUsageError(run(), "initiatives/new\\u000Aline.json: its name contains the control character U+000A",
                "rename it");
    }

    @Test
    void editionsOfFiltersThatDifferOnlyInPunctuationAreDifferentBriefings() throws IOException {
        // Neither mineral matches a record; each is still its own (empty) briefing, not the other's.
        CliRun slash = run("--mineral", "a/b", "--output", tmp.resolve("slash").toString());
        CliRun dash = run("--mineral", "a-b", "--output", tmp.resolve("dash").toString());
        assertThat(slash.code()).as(slash.toString()).isZero();
        assertThat(dash.code()).as(dash.toString()).isZero();
        assertThat(dash.out()).doesNotContain("already written").contains("Wrote the briefing 2025-10-31 / mineral-a.2db");
        assertThat(Manifest.read(tmp.resolve("slash/manifest.json")).edition()).isEqualTo("mineral-a.2fb");
        assertThat(Manifest.read(tmp.resolve("dash/manifest.json")).edition()).isEqualTo("mineral-a.2db");
    }
}
