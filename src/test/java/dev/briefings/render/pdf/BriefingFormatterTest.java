package dev.briefings.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class BriefingFormatterTest {

    private final BriefingFormatter fmt = new BriefingFormatter();

    @Test
    void money() {
        assertThat(fmt.usd(new BigDecimal("1250000"))).isEqualTo("USD 1,250,000.00");
        assertThat(fmt.usdShort(new BigDecimal("1250000.00"))).isEqualTo("USD 1.25 million");
        assertThat(fmt.usdShort(new BigDecimal("975000000.00"))).isEqualTo("USD 975 million");
        assertThat(fmt.usdShort(new BigDecimal("2100000000.00"))).isEqualTo("USD 2.1 billion");
        assertThat(fmt.usdShort(new BigDecimal("250000.00"))).isEqualTo("USD 250,000");
        assertThat(fmt.usdDelta(new BigDecimal("650000.00"))).isEqualTo("+USD 650,000.00");
        assertThat(fmt.usdDelta(new BigDecimal("-100000.00"))).isEqualTo("-USD 100,000.00");
        assertThat(fmt.usd(null)).isEqualTo("–");
    }

    @Test
    void datesSharesAndLists() {
        assertThat(fmt.date(LocalDate.of(2025, 10, 31))).isEqualTo("31 October 2025");
        assertThat(fmt.dateTime(OffsetDateTime.of(2025, 11, 1, 0, 30, 0, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("31 October 2025, 22:30 UTC");
        assertThat(fmt.pct(new BigDecimal("0.5"))).isEqualTo("50.0%");
        assertThat(fmt.pct(new BigDecimal("0.1234"))).isEqualTo("12.3%");
        assertThat(fmt.ids(List.of("a", "b"), 5)).isEqualTo("a, b +3 more");
        assertThat(fmt.ids(List.of("a", "b"), 2)).isEqualTo("a, b");
        assertThat(fmt.cites(List.of(1, 3))).isEqualTo("[1] [3]");
        assertThat(fmt.label("FEDERAL_PROGRAM")).isEqualTo("Federal program");
        assertThat(fmt.plural(1, "initiative", "initiatives")).isEqualTo("1 initiative");
        assertThat(fmt.plural(1234, "initiative", "initiatives")).isEqualTo("1,234 initiatives");
        assertThat(fmt.rate(new BigDecimal("0.006600"))).isEqualTo("0.0066");
    }

    @Test
    void onlyWebAddressesAreLinkable() {
        assertThat(fmt.linkable("https://example.org/a")).isTrue();
        assertThat(fmt.linkable("file:///etc/passwd")).isFalse();
        assertThat(fmt.linkable("javascript:alert(1)")).isFalse();
        assertThat(fmt.linkable(null)).isFalse();
    }
}
