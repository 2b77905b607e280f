package dev.briefings.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FxRatesTest {

    @TempDir
    Path dir;

    @Test
    void loadsRatesExactlyWithUsdImplicit() throws IOException {
        Path file = write("{\"asOf\": \"2025-10-31\", \"rates\": {\"AUD\": 0.65, \"jpy\": 0.0066, \"EUR\": 1.10}}");

        FxRates rates = FxRates.load(file);

        assertThat(rates.asOf()).isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(rates.rate("AUD")).contains(new BigDecimal("0.65"));
        assertThat(rates.rate("JPY")).contains(new BigDecimal("0.0066"));
        assertThat(rates.rate("eur")).contains(new BigDecimal("1.10"));
        assertThat(rates.rate("USD")).contains(BigDecimal.ONE);
        assertThat(rates.rate("CHF")).isEmpty();
        // 1,000,000.10 AUD × 0.65 = 650,000.0650 exactly (scale 2 + 2).
        assertThat(rates.toUsd(new BigDecimal("1000000.10"), "AUD")).isEqualTo(new BigDecimal("650000.0650"));
        assertThat(rates.toUsd(new BigDecimal("12.34"), "USD")).isEqualTo(new BigDecimal("12.34"));
    }

    @Test
    void badRateNamesTheFileAndTheRate() throws IOException {
        Path file = write("{\"asOf\": \"2025-10-31\", \"rates\": {\"AUD\": -0.65, \"JPY\": \"cheap\"}}");

        assertThatThrownBy(() -> FxRates.load(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + ": rate \"AUD\" must be a positive number (found -0.65); "
                        + "rate \"JPY\" must be a positive number (found 'cheap')");
    }

    @Test
    void unknownCodeAndMissingAsOf() throws IOException {
        Path file = write("{\"rates\": {\"ABC\": 1.5}}");

        assertThatThrownBy(() -> FxRates.load(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + ": \"asOf\" is missing; give the date of the rates as YYYY-MM-DD; "
                        + "rate \"ABC\": 'ABC' is not an ISO 4217 currency code");
    }

    @Test
    void badJsonGivesLineAndColumn() throws IOException {
        // line 2 is ` "rates": {"AUD": 0.65,}}`: the stray } after the comma is character 24.
        Path file = write("{\"asOf\": \"2025-10-31\",\n \"rates\": {\"AUD\": 0.65,}}");

        assertThatThrownBy(() -> FxRates.load(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ": not valid JSON at line 2, column 24: ");
    }

    @Test
    void repeatedCurrencyIsRefused() throws IOException {
        Path file = write("{\"asOf\": \"2025-10-31\", \"rates\": {\"AUD\": 0.65, \"AUD\": 0.66}}");

        assertThatThrownBy(() -> FxRates.load(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AUD");
    }

    @Test
    void usdOtherThanOneIsRefused() throws IOException {
        Path file = write("{\"asOf\": \"2025-10-31\", \"rates\": {\"USD\": 0.9}}");

        assertThatThrownBy(() -> FxRates.load(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + ": rate \"USD\" must be 1: rates are USD per unit (found 0.9)");
    }

    @Test
    void codesAreUpperCasedWhenBuiltDirectly() {
        FxRates rates = new FxRates(LocalDate.of(2025, 1, 1), java.util.Map.of("aud", new BigDecimal("0.5")));

        assertThat(rates.rates()).containsOnlyKeys("AUD");
        assertThat(rates.toUsd(new BigDecimal("3"), "Aud")).isEqualTo(new BigDecimal("1.5"));
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.json");

        assertThatThrownBy(() -> FxRates.load(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + ": file not found; provide the FX rates file");
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("fx-rates.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
