package dev.briefings.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitiativeFileReaderTest {

    @TempDir
    Path dir;

    // ---- .json ----------------------------------------------------------------------------------------------

    @Test
    void jsonArrayElementsComeOneByOneWithIndexPositions() throws IOException {
        Path file = write("a.json", "[{\"id\": \"a\"}, 42, {\"id\": \"c\"}]");

        List<RawRecord> items = readAll(file, "initiatives/a.json");

        assertThat(items).hasSize(3);
        RawRecord.Parsed first = (RawRecord.Parsed) items.get(0);
        assertThat(first.file()).isEqualTo("initiatives/a.json");
        assertThat(first.position()).isEqualTo("[0]");
        assertThat(first.ordinal()).isZero();
        assertThat(first.node().get("id").stringValue()).isEqualTo("a");
        RawRecord.Parsed second = (RawRecord.Parsed) items.get(1);
        assertThat(second.position()).isEqualTo("[1]");
        assertThat(second.node().intValue()).isEqualTo(42);
        assertThat(items.get(2).position()).isEqualTo("[2]");
        assertThat(items.get(2).ordinal()).isEqualTo(2);
    }

    @Test
    void syntaxErrorAfterTwoRecordsEndsTheFileWithLineAndColumn() throws IOException {
        Path file = write("broken.json", """
                [
                  {"id": "a"},
                  {"id": "b"},
                  {"id": }
                ]
                """);

        try (InitiativeFileReader reader = new InitiativeFileReader(file, "broken.json")) {
            assertThat(reader.next()).isInstanceOf(RawRecord.Parsed.class);
            assertThat(reader.next()).isInstanceOf(RawRecord.Parsed.class);
            RawRecord bad = reader.next();
            assertThat(bad).isInstanceOf(RawRecord.Malformed.class);
            assertThat(bad.position()).isEqualTo("[2]");
            assertThat(bad.ordinal()).isEqualTo(2);
            // line 4 is `  {"id": }`: the unexpected '}' is column 10 (two spaces, then {"id": and a space).
            assertThat(((RawRecord.Malformed) bad).reason()).startsWith("not valid JSON at line 4, column 10: ");
            assertThat(reader.next()).isNull();
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void invalidUtf8InTheThirdRecordKeepsTheFirstTwo() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("[{\"id\": \"a\"},\n{\"id\": \"b\"},\n{\"id\": \"x".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.writeBytes("\"},\n{\"id\": \"d\"}]".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("utf.json");
        Files.write(file, bytes.toByteArray());

        List<RawRecord> items = readAll(file, "utf.json");

        assertThat(items).hasSize(3);
        assertThat(items.get(0)).isInstanceOf(RawRecord.Parsed.class);
        assertThat(items.get(1)).isInstanceOf(RawRecord.Parsed.class);
        RawRecord.Malformed bad = (RawRecord.Malformed) items.get(2);
        assertThat(bad.position()).isEqualTo("[2]");
        // `{"id": "x` is 9 characters: the bad byte is character 10 of line 3.
        assertThat(bad.reason()).isEqualTo(
                "not valid UTF-8 at line 3, column 10: the byte sequence 0xC3 0x28 is not UTF-8; save the file as UTF-8");
        assertThat(bad.ordinal()).isEqualTo(2);
    }

    @Test
    void columnsCountCharactersNotBytes() throws IOException {
        // `{"t": "日本語", }`: the '}' is character 14 (but byte 20).
        Path file = write("jp.json", "[\n{\"t\": \"日本語\", }]");

        List<RawRecord> items = readAll(file, "jp.json");

        assertThat(items).hasSize(1);
        assertThat(((RawRecord.Malformed) items.get(0)).reason()).startsWith("not valid JSON at line 2, column 14: ");
    }

    @Test
    void truncatedFileKeepsItsRecords() throws IOException {
        List<RawRecord> items = readAll(write("cut.json", "[{\"id\": \"a\"}, {\"id\": \"b\"}"), "cut.json");

        // The text is 25 characters long; the end of input is column 26.
        assertThat(items).hasSize(3);
        assertThat(items.get(1)).isInstanceOf(RawRecord.Parsed.class);
        assertThat(((RawRecord.Malformed) items.get(2)).reason())
                .isEqualTo("not valid JSON at line 1, column 26: Unexpected end-of-input: expected close marker for Array");
    }

    @Test
    void topLevelObjectIsOneMalformedItem() throws IOException {
        Path file = write("obj.json", "{\"id\": \"a\"}");

        List<RawRecord> items = readAll(file, "obj.json");

        assertThat(items).hasSize(1);
        RawRecord.Malformed bad = (RawRecord.Malformed) items.get(0);
        assertThat(bad.reason()).isEqualTo("expected a JSON array of records, found an object");
        assertThat(bad.position()).isEqualTo("[0]");
    }

    @Test
    void emptyArrayHasNoRecordsButAnEmptyFileIsReported() throws IOException {
        assertThat(readAll(write("empty.json", " [ ] \n"), "empty.json")).isEmpty();

        List<RawRecord> items = readAll(write("nothing.json", ""), "nothing.json");
        assertThat(items).hasSize(1);
        assertThat(((RawRecord.Malformed) items.get(0)).reason())
                .isEqualTo("expected a JSON array of records, found an empty file");
    }

    @Test
    void contentAfterTheArrayIsReported() throws IOException {
        List<RawRecord> items = readAll(write("tail.json", "[{\"id\": \"a\"}]\n[{\"id\": \"b\"}]"), "tail.json");

        assertThat(items).hasSize(2);
        assertThat(((RawRecord.Malformed) items.get(1)).reason())
                .startsWith("unexpected content after the closing ] of the array at line 2, column 1");
    }

    @Test
    void byteOrderMarkIsSkipped() throws IOException {
        Path json = write("bom.json", "\uFEFF[{\"id\": \"a\"}]");
        Path jsonl = write("bom.jsonl", "\uFEFF{\"id\": \"a\"}\n");

        for (Path file : List.of(json, jsonl)) {
            List<RawRecord> items = readAll(file, file.getFileName().toString());
            assertThat(items).hasSize(1);
            assertThat(((RawRecord.Parsed) items.get(0)).node().get("id").stringValue()).isEqualTo("a");
        }
    }

    @Test
    void floatsAreExactBigDecimals() throws IOException {
        Path file = write("money.json", "[{\"amount\": 1000000.10}]");

        RawRecord.Parsed parsed = (RawRecord.Parsed) readAll(file, "money.json").get(0);

        assertThat(parsed.node().get("amount").decimalValue()).isEqualTo(new java.math.BigDecimal("1000000.10"));
    }

    // ---- .jsonl ---------------------------------------------------------------------------------------------

    /**
     * Plain ASCII lines are parsed from their bytes, but a bad one is worded as for any other line: these are the
     * messages of Jackson's character parser (its byte parser says "expected a value", "in VALUE_STRING", and puts
     * the number errors one column later).
     */
    @Test
    void badAsciiLinesAreWordedAsAnyOtherLine() throws IOException {
        Path file = write("ascii.jsonl", "{\"id\": [1,]}\n{\"id\": \"x\n{\"n\": 1.}\n{\"id\": \"ok\"}\n");

        List<RawRecord> items = readAll(file, "ascii.jsonl");

        assertThat(items).hasSize(4);
        assertThat(((RawRecord.Malformed) items.get(0)).reason()).isEqualTo("not valid JSON at line 1, column 11: "
                + "Unexpected character (']' (code 93)): expected a valid value (JSON String, Number, Array, Object or "
                + "token 'null', 'true' or 'false')");
        assertThat(((RawRecord.Malformed) items.get(1)).reason()).isEqualTo("not valid JSON at line 2, column 10: "
                + "Unexpected end-of-input: was expecting closing quote for a string value");
        assertThat(((RawRecord.Malformed) items.get(2)).reason()).isEqualTo("not valid JSON at line 3, column 8: "
                + "Unexpected character ('}' (code 125)) in numeric value: Decimal point not followed by a digit");
        assertThat(items.get(3)).isInstanceOf(RawRecord.Parsed.class);
    }

    @Test
    void badLineInTheMiddleDoesNotStopTheFile() throws IOException {
        Path file = write("lines.jsonl", "{\"id\": \"a\"}\n{\"id\": \"b\",}\n{\"id\": \"c\"}\n");

        List<RawRecord> items = readAll(file, "lines.jsonl");

        assertThat(items).hasSize(3);
        assertThat(items.get(0).position()).isEqualTo("line 1");
        RawRecord.Malformed bad = (RawRecord.Malformed) items.get(1);
        assertThat(bad.position()).isEqualTo("line 2");
        assertThat(bad.ordinal()).isEqualTo(1);
        // `{"id": "b",}`: the '}' where a field name should be is at column 12.
        assertThat(bad.reason()).startsWith("not valid JSON at line 2, column 12: ");
        RawRecord.Parsed last = (RawRecord.Parsed) items.get(2);
        assertThat(last.position()).isEqualTo("line 3");
        assertThat(last.node().get("id").stringValue()).isEqualTo("c");
    }

    @Test
    void blankLinesAreSkippedButCounted() throws IOException {
        Path file = write("gaps.jsonl", "\n{\"id\": \"a\"}\r\n   \n\t\n{\"id\": \"b\"}");

        List<RawRecord> items = readAll(file, "gaps.jsonl");

        assertThat(items).extracting(RawRecord::position).containsExactly("line 2", "line 5");
        assertThat(items).extracting(RawRecord::ordinal).containsExactly(0L, 1L);
    }

    @Test
    void twoRecordsOnOneLineAreMalformed() throws IOException {
        List<RawRecord> items = readAll(write("two.jsonl", "{\"id\": \"a\"} {\"id\": \"b\"}\n"), "two.jsonl");

        assertThat(items).hasSize(1);
        assertThat(((RawRecord.Malformed) items.get(0)).reason())
                .isEqualTo("not valid JSON at line 1, column 13: unexpected content after the record; "
                        + "put one record on each line");
    }

    @Test
    void invalidUtf8LineIsReportedAndTheNextLineStillRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("{\"id\": \"a\"}\n{\"id\": \"é".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.writeBytes("\"}\n{\"id\": \"c\"}\n".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("utf.jsonl");
        Files.write(file, bytes.toByteArray());

        List<RawRecord> items = readAll(file, "utf.jsonl");

        assertThat(items).hasSize(3);
        // `{"id": "é` is 9 characters (10 bytes): the bad byte is character 10.
        assertThat(((RawRecord.Malformed) items.get(1)).reason()).isEqualTo(
                "not valid UTF-8 at line 2, column 10: the byte sequence 0xC3 0x28 is not UTF-8; save the file as UTF-8");
        assertThat(((RawRecord.Parsed) items.get(2)).node().get("id").stringValue()).isEqualTo("c");
    }

    // ---- restart --------------------------------------------------------------------------------------------

    @Test
    void skipThenNextGivesTheItemAtThatOrdinal() throws IOException {
        Path json = write("s.json", "[{\"n\": 0}, {\"n\": 1}, {\"n\": 2}, {\"n\": 3}]");
        Path jsonl = write("s.jsonl", "{\"n\": 0}\n\n{\"n\": 1}\nnot json\n{\"n\": 3}\n");

        try (InitiativeFileReader reader = new InitiativeFileReader(json, "s.json")) {
            reader.skip(2);
            RawRecord.Parsed item = (RawRecord.Parsed) reader.next();
            assertThat(item.ordinal()).isEqualTo(2);
            assertThat(item.position()).isEqualTo("[2]");
            assertThat(item.node().get("n").intValue()).isEqualTo(2);
        }
        try (InitiativeFileReader reader = new InitiativeFileReader(jsonl, "s.jsonl")) {
            reader.skip(3); // n=0, n=1 and the malformed line
            RawRecord.Parsed item = (RawRecord.Parsed) reader.next();
            assertThat(item.ordinal()).isEqualTo(3);
            assertThat(item.position()).isEqualTo("line 5");
            assertThat(item.node().get("n").intValue()).isEqualTo(3);
        }
        try (InitiativeFileReader reader = new InitiativeFileReader(json, "s.json")) {
            reader.skip(10);
            assertThat(reader.next()).isNull();
        }
    }

    // ---- streaming ------------------------------------------------------------------------------------------

    @Test
    void twoHundredThousandRecordsStreamThrough() throws IOException {
        final int count = 200_000;
        Path jsonl = dir.resolve("big.jsonl");
        Path json = dir.resolve("big.json");
        try (BufferedWriter lines = Files.newBufferedWriter(jsonl);
             BufferedWriter array = Files.newBufferedWriter(json)) {
            array.write("[\n");
            for (int i = 0; i < count; i++) {
                String record = "{\"id\": \"r-" + i + "\", \"amount\": " + i + ".50}";
                lines.write(record);
                lines.write('\n');
                array.write(i == 0 ? record : ",\n" + record);
            }
            array.write("\n]\n");
        }

        for (Path file : List.of(jsonl, json)) {
            long parsed = 0;
            RawRecord last = null;
            try (InitiativeFileReader reader = new InitiativeFileReader(file, file.getFileName().toString())) {
                for (RawRecord item = reader.next(); item != null; item = reader.next()) {
                    assertThat(item).isInstanceOf(RawRecord.Parsed.class);
                    parsed++;
                    last = item;
                }
            }
            assertThat(parsed).isEqualTo(count);
            assertThat(last.ordinal()).isEqualTo(count - 1);
            assertThat(((RawRecord.Parsed) last).node().get("id").stringValue()).isEqualTo("r-199999");
        }
    }

    @Test
    void multiByteCharactersSurviveBufferBoundaries() throws IOException {
        StringBuilder json = new StringBuilder("[");
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            String record = "{\"t\": \"é日本" + i + "\"}";
            json.append(i == 0 ? "" : ",").append(record);
            jsonl.append(record).append('\n');
        }
        json.append(']');

        for (Path file : List.of(write("mb.json", json.toString()), write("mb.jsonl", jsonl.toString()))) {
            List<RawRecord> items = readAll(file, "mb");
            assertThat(items).hasSize(20_000).allMatch(item -> item instanceof RawRecord.Parsed);
            for (int i : new int[] {0, 4_321, 19_999}) {
                assertThat(((RawRecord.Parsed) items.get(i)).node().get("t").stringValue()).isEqualTo("é日本" + i);
            }
        }
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static List<RawRecord> readAll(Path file, String displayName) {
        List<RawRecord> items = new ArrayList<>();
        try (InitiativeFileReader reader = new InitiativeFileReader(file, displayName)) {
            for (RawRecord item = reader.next(); item != null; item = reader.next()) {
                items.add(item);
            }
        }
        return items;
    }
}
