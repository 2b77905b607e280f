package dev.briefings.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SyntheticInitiativesTest {

    private static final int COUNT = 1000;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void jsonArrayHoldsCountValidRecordsWithUniqueIdsAndEarlierParents() throws IOException {
        Path file = dir.resolve("synthetic.json");
        new SyntheticInitiatives(42).write(file, COUNT);

        JsonNode root = MAPPER.readTree(file);
        assertThat(root.isArray()).isTrue();
        List<JsonNode> records = new ArrayList<>(root.values());

        assertValid(records);
    }

    @Test
    void jsonLinesHoldsOneRecordPerLineAndTheSameRecordsAsTheArray() throws IOException {
        Path lines = dir.resolve("synthetic.jsonl");
        Path array = dir.resolve("synthetic.json");
        new SyntheticInitiatives(42).write(lines, COUNT);
        new SyntheticInitiatives(42).write(array, COUNT);

        String text = Files.readString(lines, StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n");
        List<String> rows = text.lines().toList();
        assertThat(rows).hasSize(COUNT);
        var records = new ArrayList<JsonNode>();
        for (String row : rows) {
            assertThat(row).startsWith("{").endsWith("}");
            records.add(MAPPER.readTree(row));
        }

        assertValid(records);
        assertThat(records).containsExactlyElementsOf(MAPPER.readTree(array).values());
    }

    @Test
    void sameSeedGivesSameBytesAndAnotherSeedDoesNot() throws IOException {
        Path first = dir.resolve("a.jsonl");
        Path second = dir.resolve("b.jsonl");
        Path other = dir.resolve("c.jsonl");
        new SyntheticInitiatives(7).write(first, COUNT);
        new SyntheticInitiatives(7).write(second, COUNT);
        new SyntheticInitiatives(8).write(other, COUNT);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(Files.readAllBytes(other)).isNotEqualTo(Files.readAllBytes(first));
    }

    @Test
    void firstRecordsDoNotDependOnHowManyAreWritten() throws IOException {
        Path small = dir.resolve("small.jsonl");
        Path large = dir.resolve("large.jsonl");
        new SyntheticInitiatives(3).write(small, 10);
        new SyntheticInitiatives(3).write(large, 100);

        assertThat(Files.readAllLines(large).subList(0, 10)).isEqualTo(Files.readAllLines(small));
    }

    @Test
    void recordsShowTheVarietyABriefingNeeds() throws IOException {
        Path file = dir.resolve("variety.json");
        new SyntheticInitiatives(42).write(file, COUNT);
        List<JsonNode> records = new ArrayList<>(MAPPER.readTree(file).values());

        Set<String> kinds = new HashSet<>();
        Set<String> stages = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        Set<String> currencies = new HashSet<>();
        Set<String> parties = new HashSet<>();
        int nonbinding = 0;
        int children = 0;
        boolean japanese = false;
        for (JsonNode r : records) {
            kinds.add(RecordFormat.text(r, "kind"));
            r.get("stages").values().forEach(s -> stages.add(s.stringValue()));
            r.get("parties").values().forEach(p -> parties.add(p.stringValue()));
            statuses.add(r.has("status") ? RecordFormat.text(r, "status") : "ANNOUNCED");
            if (r.has("binding") && !r.get("binding").booleanValue()) {
                nonbinding++;
            }
            if (r.has("partOf")) {
                children++;
            }
            if (r.has("funding")) {
                r.get("funding").values().forEach(f -> currencies.add(RecordFormat.text(f, "currency")));
            }
            if (r.has("organizations")) {
                for (JsonNode o : r.get("organizations").values()) {
                    japanese |= RecordFormat.text(o, "name").codePoints()
                            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
                }
            }
        }
        assertThat(kinds).isEqualTo(RecordFormat.KINDS);
        assertThat(stages).isEqualTo(RecordFormat.STAGES);
        assertThat(statuses).isEqualTo(RecordFormat.STATUSES);
        assertThat(currencies).containsExactlyInAnyOrder("USD", "AUD", "JPY", "EUR");
        assertThat(parties).hasSizeBetween(12, 15).contains("US", "AU", "JP");
        // 20% and 5% of 1000 records, with room for chance.
        assertThat(nonbinding).isBetween(150, 250);
        assertThat(children).isBetween(25, 80);
        assertThat(japanese).isTrue();
    }

    @Test
    void amountsArePositiveWithinRangeAndChildrenFitInsideTheirParent() throws IOException {
        Path file = dir.resolve("amounts.json");
        new SyntheticInitiatives(42).write(file, COUNT);
        List<JsonNode> records = new ArrayList<>(MAPPER.readTree(file).values());
        Map<String, JsonNode> byId = new HashMap<>();
        records.forEach(r -> byId.put(RecordFormat.text(r, "id"), r));

        BigDecimal max = new BigDecimal("2000000000");
        int lines = 0;
        for (JsonNode r : records) {
            if (!r.has("funding")) {
                continue;
            }
            for (JsonNode f : r.get("funding").values()) {
                lines++;
                BigDecimal amount = f.get("amount").decimalValue();
                assertThat(amount).isPositive().isLessThanOrEqualTo(max);
            }
            if (r.has("partOf")) {
                JsonNode parentFirst = byId.get(RecordFormat.text(r, "partOf")).get("funding").get(0);
                JsonNode child = r.get("funding").get(0);
                assertThat(RecordFormat.text(child, "currency")).isEqualTo(RecordFormat.text(parentFirst, "currency"));
                assertThat(child.get("amount").decimalValue()).isLessThanOrEqualTo(parentFirst.get("amount").decimalValue());
            }
        }
        assertThat(lines).isGreaterThan(COUNT); // 0–3 lines a record: about 1.5 on average

        // Read the text, not parsed numbers, which may drop trailing zeros: cents always, whole yen for JPY.
        Matcher m = Pattern.compile("\"amount\":([0-9.]+),\"currency\":\"([A-Z]{3})\"")
                .matcher(Files.readString(file, StandardCharsets.UTF_8));
        int written = 0;
        while (m.find()) {
            written++;
            assertThat(m.group(1)).matches("JPY".equals(m.group(2)) ? "[1-9]\\d{4,9}" : "[1-9]\\d{4,9}\\.\\d{2}");
        }
        assertThat(written).isEqualTo(lines);
    }

    @Test
    void fxRatesCoverEveryCurrencyTheGeneratorUses() throws IOException {
        Path file = dir.resolve("fx-rates.json");
        SyntheticInitiatives.writeFxRates(file);

        JsonNode fx = MAPPER.readTree(file);
        assertThat(fx.get("asOf").stringValue()).isEqualTo("2025-10-31");
        JsonNode rates = fx.get("rates");
        assertThat(rates.propertyNames()).containsExactlyInAnyOrder("USD", "AUD", "JPY", "EUR");
        assertThat(rates.get("USD").decimalValue()).isEqualByComparingTo("1");
        assertThat(rates.get("AUD").decimalValue()).isEqualByComparingTo("0.65");
        assertThat(rates.get("JPY").decimalValue()).isEqualByComparingTo("0.0066");
        assertThat(rates.get("EUR").decimalValue()).isEqualByComparingTo("1.16");
    }

    @Test
    void zeroRecordsIsAnEmptyArrayAndOtherExtensionsAreRefused() throws IOException {
        Path empty = dir.resolve("empty.json");
        new SyntheticInitiatives(1).write(empty, 0);
        assertThat(MAPPER.readTree(empty).size()).isZero();

        var generator = new SyntheticInitiatives(1);
        assertThatThrownBy(() -> generator.write(dir.resolve("records.csv"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".jsonl");
        assertThatThrownBy(() -> generator.write(dir.resolve("x.json"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertValid(List<JsonNode> records) {
        assertThat(records).hasSize(COUNT);
        Set<String> seen = new HashSet<>();
        LocalDate first = LocalDate.of(2019, 1, 1);
        LocalDate last = LocalDate.of(2025, 12, 31);
        for (JsonNode r : records) {
            assertThat(RecordFormat.problems(r)).isEmpty();
            String id = RecordFormat.text(r, "id");
            assertThat(id).matches("syn-\\d{9}");
            assertThat(LocalDate.parse(RecordFormat.text(r, "announced"))).isBetween(first, last);
            assertThat(r.get("parties").size()).isBetween(1, 3);
            assertThat(r.get("stages").size()).isBetween(1, 3);
            assertThat(r.get("sources").size()).isBetween(1, 2);
            for (JsonNode source : r.get("sources").values()) {
                assertThat(LocalDate.parse(RecordFormat.text(source, "published"))).isBetween(first, last);
            }
            if (r.has("partOf")) {
                // Earlier in the file, so a reader meets every parent before its children and no cycle is possible.
                assertThat(seen).contains(RecordFormat.text(r, "partOf"));
            }
            assertThat(seen.add(id)).as("unique id %s", id).isTrue();
        }
    }
}
