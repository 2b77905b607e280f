package dev.briefings.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

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
}
