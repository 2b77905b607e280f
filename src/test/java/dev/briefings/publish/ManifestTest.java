package dev.briefings.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    @TempDir
    Path dir;

    @Test
    void filtersAreWrittenInNameOrderWhateverOrderTheyCameIn() throws IOException {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("stages", List.of("MINING"));
        filters.put("parties", List.of("AU", "JP"));
        filters.put("minerals", List.of());
        filters.put("kinds", List.of());
        var manifest = new Manifest(LocalDate.of(2025, 10, 31), "party-au-jp_stage-mining", filters, "default", "/briefings/input", 1,
                "0.1.0", OffsetDateTime.of(2025, 10, 31, 22, 0, 0, 0, ZoneOffset.UTC), List.of(),
                new Manifest.Counts(3, 2, 1, 2),
                new Manifest.Totals(BigDecimal.ONE, BigDecimal.ZERO, Map.of(), Map.of(), Map.of(), Map.of(), Map.of()),
                List.of());
        Path file = dir.resolve(Manifest.FILE_NAME);
        manifest.write(file);

        String json = Files.readString(file);
        int kinds = json.indexOf("\"kinds\"");
        int minerals = json.indexOf("\"minerals\"");
        int parties = json.indexOf("\"parties\"");
        int stages = json.indexOf("\"stages\"");
        assertThat(kinds).isPositive().isLessThan(minerals);
        assertThat(minerals).isLessThan(parties);
        assertThat(parties).isLessThan(stages);
        assertThat(Manifest.read(file).filters()).containsEntry("parties", List.of("AU", "JP"))
                .containsEntry("stages", List.of("MINING"));
    }
}
