package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.publish.Manifest;

/**
 * The shipped sample, as of its date (2025-10-31), through the command line: its sources are checked. The
 * expectations come from reading input/initiatives by hand: the U.S.–Australia framework's four sources report
 * $1B, $1B, $2B ($1B from each country) and $3B (combined) against the record's $1B; nine records cite thirteen
 * sources published after 31 October 2025; no URL is cited with two dates.
 */
class SampleSourcesTest {

    @TempDir
    Path tmp;

    @Test
    void theSampleSaysWhereItsSourcesDisagreeAndWhichAreDatedAfterTheBriefing() throws Exception {
        CliRun run = CliRun.sample(tmp);
        Path out = tmp.resolve("out");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("26 read = 26 accepted + 0 rejected");

        // Reported figures are never counted: the totals are the sample's as before.
        Manifest m = Manifest.read(out.resolve("manifest.json"));
        assertThat(m.totals().committedUsd()).isEqualByComparingTo("8441400000.00");
        assertThat(m.totals().proposedUsd()).isEqualByComparingTo("2575000000.00");

        // In the PDF: white space dropped, as a long note wraps (and may break a date at its hyphen).
        String pdf = BriefingRunTest.pdfText(out.resolve("briefing.pdf")).replaceAll("\\s", "");
        for (String expected : List.of(
                "Sources disagree on the funding of us-australia-framework: the record's funding is USD 1,000,000,000.00;",
                "sources[0] (AInvest, 2025-10-31) reports USD 1,000,000,000.00 (\"$1 billion joint funding commitment\")",
                "sources[1] (GovPulse (summary of the White House text), 2025-10-20) reports USD 1,000,000,000.00",
                "sources[2] (Manufacturers' Monthly, 2025-10-22) reports USD 2,000,000,000.00",
                "sources[3] (dpa-AFX, 2025-10-21) reports USD 3,000,000,000.00 (\"over $3B combined, per a White House fact sheet\")",
                "The totals use the record's funding lines, not the reported figures: USD 1,000,000,000.00 committed.",
                "sources[1] (GlobeNewswire (via finanznachrichten.de), 2025-12-10)")) {
            assertThat(pdf).contains(expected.replaceAll("\\s", ""));
        }

        try (var wb = new XSSFWorkbook(out.resolve("briefing.xlsx").toFile())) {
            List<String> notes = dataQuality(wb.getSheet("Risks"));
            assertThat(notes).filteredOn(n -> n.startsWith("Sources disagree")).singleElement()
                    .satisfies(n -> assertThat(n).contains("us-australia-framework"));
            assertThat(notes).noneMatch(n -> n.contains("cited with different publication dates")
                    || n.contains("cited twice"));
            // Records citing sources after 2025-10-31, with how many, read from input/initiatives by hand.
            Map<String, Integer> late = new LinkedHashMap<>();
            for (String n : notes) {
                var a = java.util.regex.Pattern.compile("^A source of (\\S+) is dated after the briefing's as-of date 2025-10-31").matcher(n);
                var some = java.util.regex.Pattern.compile("^(\\d+) sources of (\\S+) are dated after the briefing's as-of date 2025-10-31").matcher(n);
                if (a.find()) {
                    late.put(a.group(1), 1);
                } else if (some.find()) {
                    late.put(some.group(2), Integer.parseInt(some.group(1)));
                }
            }
            assertThat(late).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "doe-ree-demonstration-facility", 1,
                    "doe-cmm-accelerator", 1,
                    "doe-mines-metals-capacity-expansion", 2,
                    "vulcan-reelement-osc-loans", 2,
                    "mp-maaden-refinery-jv", 2,
                    "ramaco-netl-crada", 1,
                    "lynas-seadrift-texas", 1,
                    "vulcan-reelement-partnership", 2,
                    "usa-rare-earth-mine-to-magnet", 1));
        }
    }

    /** The notes of the Risks sheet's data-quality block. */
    private static List<String> dataQuality(Sheet risks) {
        List<String> notes = new ArrayList<>();
        boolean inBlock = false;
        for (Row row : risks) {
            String a = row.getCell(0) == null ? "" : row.getCell(0).toString();
            if (a.equals("Data quality")) {
                inBlock = true;
            } else if (inBlock && !a.isEmpty() && !a.equals("Note")) {
                notes.add(a);
            }
        }
        return notes;
    }
}
