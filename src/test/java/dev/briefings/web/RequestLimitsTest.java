package dev.briefings.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.briefings.filters.Filters;

/** Counts, lengths and nulls are refused with the field named and long values shortened. */
class RequestLimitsTest {

    private final RequestLimits limits = new RequestLimits(50, 100);

    @Test
    void valuesAreShownShortenedWithTheirLength() {
        assertThat(RequestLimits.shown("AU")).isEqualTo("'AU'");
        assertThat(RequestLimits.shown("x".repeat(40))).isEqualTo("'" + "x".repeat(40) + "'");
        assertThat(RequestLimits.shown("x".repeat(100_000))).isEqualTo("'" + "x".repeat(40) + "…' (100,000 characters)");
        // A character outside the BMP across the cut is left out whole, not halved.
        assertThat(RequestLimits.shown("x".repeat(39) + "😀" + "y".repeat(10))).isEqualTo("'" + "x".repeat(39) + "…' (51 characters)");
        assertThat(RequestLimits.shown(null)).isEqualTo("null");
    }

    @Test
    void eachFilterIsBoundedInCountAndLengthAndHasNoNulls() {
        List<String> parties = Collections.nCopies(51, "AU");
        List<String> stages = Arrays.asList("MINING", null);
        List<String> minerals = List.of("lithium", "m".repeat(101));
        assertThat(limits.problems(new BriefingRequest(parties, stages, null, minerals, null, null))).containsExactly(
                "parties has 51 values; at most 50 are allowed",
                "stages[1] is null; give text",
                "minerals[1] '" + "m".repeat(40) + "…' (101 characters) is longer than 100 characters");
    }

    @Test
    void valuesAtTheLimitsPass() {
        List<String> minerals = Collections.nCopies(50, "m".repeat(100));
        // Surrounding blanks are not part of the value (the filters trim them).
        assertThat(limits.problems(new BriefingRequest(List.of("  AU  "), List.of(), null, minerals, null, null))).isEmpty();
        assertThat(new RequestLimits(50, 2).problems(new BriefingRequest(List.of(" AUS "), null, null, null, null, null)))
                .containsExactly("parties[0] ' AUS ' is longer than 2 characters");
    }

    @Test
    void filtersThatDoNotFitTheirJobParameterAreRefused() {
        // "mineral=" and 30 distinct values of 90 characters joined by commas: 8 + 2,700 + 29 = 2,737 characters.
        assertThat(RequestLimits.stored(new Filters(null, null, null, minerals(30)))).containsExactly(
                "the filters (parties, stages, kinds and minerals together) take 2,737 characters as stored; at most "
                        + "2,500 fit: give fewer or shorter values");
        // 27 of them: 8 + 2,430 + 26 = 2,464.
        assertThat(RequestLimits.stored(new Filters(null, null, null, minerals(27)))).isEmpty();
    }

    static List<String> minerals(int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(String.format("%02d", i) + "a".repeat(88));
        }
        return values;
    }
}
