package dev.briefings.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;

import dev.briefings.filters.Filters;

/** The job's own check of its parameters: the same rules as the fronts, so no bad request leaves a failed run. */
class BriefingParametersTest {

    private static JobParameters of(LocalDate asOf, Filters filters) {
        return new BriefingParameters(asOf, null, filters, null, 1, Path.of("input"), null).toJobParameters();
    }

    @Test
    void asOfDatesOutsideTheDocumentedRangeAreRefused() {
        var validator = new BriefingParameters.Validator();
        assertThatThrownBy(() -> validator.validate(of(LocalDate.of(1, 1, 1), Filters.NONE)))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessage("the as-of date '0001-01-01' is not between 2000-01-01 and 2100-12-31");
        assertThatThrownBy(() -> validator.validate(of(LocalDate.MAX, Filters.NONE)))
                .hasMessage("the as-of date '+999999999-12-31' is not between 2000-01-01 and 2100-12-31");
        assertThatThrownBy(() -> validator.validate(of(LocalDate.of(1999, 12, 31), Filters.NONE)))
                .isInstanceOf(InvalidJobParametersException.class);
        assertThatThrownBy(() -> validator.validate(of(LocalDate.of(2101, 1, 1), Filters.NONE)))
                .isInstanceOf(InvalidJobParametersException.class);
        assertThatCode(() -> validator.validate(of(LocalDate.of(2000, 1, 1), Filters.NONE))).doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(of(LocalDate.of(2100, 12, 31), Filters.NONE))).doesNotThrowAnyException();
    }

    @Test
    void filterValuesAreCheckedAsTheFrontsCheckThem() {
        var validator = new BriefingParameters.Validator();
        var filters = new Filters(List.of(), List.of(), List.of(), List.of("a\u0001b"));
        assertThatThrownBy(() -> validator.validate(of(LocalDate.of(2025, 10, 31), filters)))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessage("mineral 'a\\u0001b' contains the control character U+0001 at character 2; remove it");
    }

    @Test
    void editionsOfDifferentFiltersAreDifferentJobInstances() {
        var slash = new BriefingParameters(LocalDate.of(2025, 10, 31), null,
                new Filters(List.of(), List.of(), List.of(), List.of("a/b")), null, 1, Path.of("input"), null);
        var dash = new BriefingParameters(LocalDate.of(2025, 10, 31), null,
                new Filters(List.of(), List.of(), List.of(), List.of("a-b")), null, 1, Path.of("input"), null);
        assertThat(slash.edition()).isEqualTo("mineral-a.2fb");
        assertThat(dash.edition()).isEqualTo("mineral-a.2db");
        assertThat(slash.runFolder(Path.of("output"))).isNotEqualTo(dash.runFolder(Path.of("output")));
        // The instance key is made of the identifying parameters; both of these differ.
        assertThat(slash.toJobParameters().getString(BriefingParameters.FILTERS)).isEqualTo("mineral=a/b");
        assertThat(dash.toJobParameters().getString(BriefingParameters.FILTERS)).isEqualTo("mineral=a-b");
    }
}
