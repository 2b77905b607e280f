package dev.briefings.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Only real calendar days written YYYY-MM-DD with ASCII digits are dates. */
class DatesTest {

    @Test
    void realDaysInTheOneFormAreRead() {
        assertThat(Dates.parse("2025-10-31")).isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(Dates.parse(" 2024-02-29 ")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Dates.parse("0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
    }

    @Test
    void anythingElseIsNotADate() {
        for (String text : new String[] {"2025-02-29", "2025-02-30", "2025-13-01", "2025-00-10", "2025-10-00",
                "2025-1-01", "25-10-31", "2025/10/31", "2025-10-31T00:00", "+2025-10-31", "２０２５-10-31", "",
                "2025-1a-01", "yesterday"}) {
            assertThat(Dates.parse(text)).as(text).isNull();
        }
    }
}
