package dev.briefings.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shipped sample in input/ must stay valid and keep its carve-outs consistent. */
class SampleInputTest {

    private static final Path INPUT = Path.of("input");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void everyCuratedRecordIsValidAndEveryParentExistsWithoutCycles() throws IOException {
        Map<String, JsonNode> byId = curated();
        assertThat(byId).hasSizeBetween(22, 30);
        for (JsonNode r : byId.values()) {
            assertThat(RecordFormat.problems(r)).isEmpty();
            Set<String> chain = new HashSet<>();
            String at = RecordFormat.text(r, "id");
            while (at != null) {
                assertThat(chain.add(at)).as("cycle through %s", at).isTrue();
                assertThat(byId).containsKey(at);
                at = RecordFormat.text(byId.get(at), "partOf");
            }
        }
    }

    @Test
    void carveOutsFollowTheReference() throws IOException {
        Map<String, JsonNode> byId = curated();
        assertThat(parent(byId, "doe-ree-demonstration-facility")).isEqualTo("doe-critical-minerals-package-2025");
        assertThat(parent(byId, "doe-cmm-accelerator")).isEqualTo("doe-critical-minerals-package-2025");
        assertThat(parent(byId, "doe-mines-metals-capacity-expansion")).isEqualTo("doe-critical-minerals-package-2025");
        assertThat(parent(byId, "obbba-osc-credit-subsidy")).isEqualTo("obbba");
        assertThat(parent(byId, "mp-materials-osc-loan")).isEqualTo("obbba-osc-credit-subsidy");
        assertThat(parent(byId, "vulcan-reelement-osc-loans")).isEqualTo("obbba-osc-credit-subsidy");
        // Australia's overlapping figures: exactly one line, $1B.
        JsonNode australia = byId.get("us-australia-framework").get("funding");
        assertThat(australia.size()).isEqualTo(1);
        assertThat(australia.get(0).get("amount").decimalValue()).isEqualByComparingTo("1000000000");
        // The five DOE lines: 50 + 250 + 135 + 500 + 40 = 975 million.
        assertThat(byId.get("doe-critical-minerals-package-2025").get("funding").values().stream()
                .map(f -> f.get("amount").decimalValue()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo("975000000");
    }

    @Test
    void theJapanFrameworkNamesTheMinistryInJapanese() throws IOException {
        JsonNode orgs = curated().get("us-japan-framework").get("organizations");
        assertThat(orgs.values()).anySatisfy(o -> assertThat(RecordFormat.text(o, "name")).contains("経済産業省"));
    }

    @Test
    void fxRatesCoverEveryCurrencyInTheSample() throws IOException {
        JsonNode rates = MAPPER.readTree(INPUT.resolve("fx-rates.json")).get("rates");
        for (JsonNode r : curated().values()) {
            if (r.has("funding")) {
                for (JsonNode f : r.get("funding").values()) {
                    assertThat(rates.has(RecordFormat.text(f, "currency"))).isTrue();
                }
            }
        }
    }

    private static String parent(Map<String, JsonNode> byId, String id) {
        return RecordFormat.text(byId.get(id), "partOf");
    }

    private static Map<String, JsonNode> curated() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(INPUT.resolve("initiatives"))) {
            files = new ArrayList<>(list.filter(p -> p.toString().endsWith(".json")).sorted().toList());
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (Path file : files) {
            for (JsonNode r : MAPPER.readTree(file).values()) {
                assertThat(byId.put(RecordFormat.text(r, "id"), r)).as("duplicate id").isNull();
            }
        }
        return byId;
    }
}
