package dev.briefings.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.intake.CrossRecordChecks;
import dev.briefings.intake.Initiative;
import dev.briefings.intake.InitiativeKind;
import dev.briefings.intake.InitiativeStatus;
import dev.briefings.intake.Source;
import dev.briefings.intake.Stage;

/** A key line reads back as the record it was written for. */
class StagedLinesTest {

    private static StagedRecord.Accepted accepted(long seq, String id, String partOf, boolean included, String position) {
        var i = new Initiative(id, "Title", InitiativeKind.PARTNERSHIP, LocalDate.of(2025, 1, 1), List.of("US"),
                List.of(Stage.MINING), List.of(new Source("https://example.org/", "X", LocalDate.of(2025, 1, 2), null)),
                null, List.of(), List.of(), null, InitiativeStatus.ANNOUNCED, true, partOf, List.of(), List.of(), List.of());
        return new StagedRecord.Accepted(seq, position, included, BigDecimal.ONE, BigDecimal.ZERO, i);
    }

    @Test
    void keyLinesReadBackFieldForField() {
        assertThat(StagedLines.parseKey(StagedLines.key(accepted(12_345_678_901L, "a-1", null, true, "line 7"))))
                .isEqualTo(new StagedLines.Key(12_345_678_901L, "a-1", null, true, "line 7"));
        assertThat(StagedLines.parseKey(StagedLines.key(accepted(0, "b", "a-1", false, "[3]"))))
                .isEqualTo(new StagedLines.Key(0, "b", "a-1", false, "[3]"));
        // The position is the rest of the line, whatever it holds.
        assertThat(StagedLines.parseKey("5\tc\t\t1\tline\t9").position()).isEqualTo("line\t9");
        assertThat(StagedLines.parseKey("5\tc\t\t10\tline 9").included()).isFalse();
    }

    @Test
    void aLineWithTooFewFieldsIsRefused() {
        assertThatThrownBy(() -> StagedLines.parseKey("5\tc\t\t1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too few fields");
    }

    @Test
    void ancestorsComeBackWithTheirSeqs(@TempDir Path dir) {
        Path file = dir.resolve("ancestors.tsv");
        StagedLines.writeAncestors(file, Map.of("c", new CrossRecordChecks.Ancestor("g", 7),
                "d", new CrossRecordChecks.Ancestor("g", 7), "e", new CrossRecordChecks.Ancestor("h", 12)));
        var ancestry = StagedLines.readAncestors(file);
        assertThat(ancestry.ancestorOf()).isEqualTo(Map.of("c", "g", "d", "g", "e", "h"));
        assertThat(ancestry.seqs()).contains(Set.of(7L, 12L));
    }

    @Test
    void ancestorsAnEarlierVersionWroteHaveNoSeqs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ancestors.tsv");
        Files.writeString(file, "c\tg\nd\tg\n"); // as written before seqs were: id, ancestor's id
        var ancestry = StagedLines.readAncestors(file);
        assertThat(ancestry.ancestorOf()).isEqualTo(Map.of("c", "g", "d", "g"));
        assertThat(ancestry.seqs()).isEqualTo(Optional.empty());
    }
}
