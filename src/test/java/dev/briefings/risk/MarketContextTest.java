package dev.briefings.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.intake.ConfigurationException;

class MarketContextTest {

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("market-context.json");
        Files.writeString(file, json);
        return file;
    }

    private static String context(String figure) {
        return """
                {"asOf": "2025-10-31", "alliedParties": ["US", "AU"], "figures": [%s]}""".formatted(figure);
    }

    private static final String SOURCE = """
            "source": {"url": "https://example.org/o", "publisher": "IEA", "published": "2025-05-21", "title": "Outlook"}""";

    @Test
    void readsFiguresExactly() throws IOException {
        MarketContext context = MarketContext.load(write(context("""
                {"key": "china-processing-share", "label": "China's share", "value": 0.605, "unit": "share",
                 "note": "refined output", %s}""".formatted(SOURCE))));

        assertThat(context.asOf()).isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(context.alliedParties()).containsExactlyInAnyOrder("US", "AU");
        ContextFigure figure = context.figure("china-processing-share").orElseThrow();
        // Exact decimal, not a double: 0.605 stays 0.605.
        assertThat(figure.value()).isEqualTo("0.605");
        assertThat(figure.source().publisher()).isEqualTo("IEA");
        assertThat(figure.source().published()).isEqualTo(LocalDate.of(2025, 5, 21));
        assertThat(figure.displayValue()).isEqualTo("60.5%");
        assertThat(figure.describe()).isEqualTo("60.5% (IEA, 2025-05-21)");
        assertThat(context.figure("unknown")).isEmpty();
    }

    @Test
    void shippedContextLoads() {
        MarketContext context = MarketContext.load(Path.of("input/market-context.json"));

        assertThat(context.alliedParties()).contains("US", "AU", "JP").doesNotContain("CN");
        assertThat(context.figure("china-processing-share")).get()
                .satisfies(f -> assertThat(f.value()).isBetween(java.math.BigDecimal.ZERO, java.math.BigDecimal.ONE));
    }

    @Test
    void figureWithoutValueIsNamed() throws IOException {
        Path file = write(context("""
                {"key": "china-processing-share", "label": "China's share", "unit": "share", %s}""".formatted(SOURCE)));

        assertThatThrownBy(() -> MarketContext.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("figure 1 ('china-processing-share')")
                .hasMessageContaining("field 'value' is missing");
    }

    @Test
    void figureWithoutSourceIsNamed() throws IOException {
        Path file = write(context("""
                {"key": "k", "label": "l", "value": 1, "unit": "share"}"""));

        assertThatThrownBy(() -> MarketContext.load(file)).hasMessageContaining("figure 1 ('k')")
                .hasMessageContaining("field 'source' is missing");
    }

    @Test
    void textualValueIsRejected() throws IOException {
        Path file = write(context("""
                {"key": "k", "label": "l", "value": "60%%", "unit": "share", %s}""".formatted(SOURCE)));

        assertThatThrownBy(() -> MarketContext.load(file)).hasMessageContaining("field 'value' must be a number");
    }

    @Test
    void badDateIsNamed() throws IOException {
        Path file = write("""
                {"asOf": "31/10/2025", "alliedParties": [], "figures": []}""");

        assertThatThrownBy(() -> MarketContext.load(file)).hasMessageContaining("field 'asOf'")
                .hasMessageContaining("31/10/2025");
    }

    @Test
    void duplicateKeyIsRejected() throws IOException {
        String figure = """
                {"key": "k", "label": "l", "value": 1, "unit": "share", %s}""".formatted(SOURCE);
        Path file = write(context(figure + ", " + figure));

        assertThatThrownBy(() -> MarketContext.load(file)).hasMessageContaining("figure 2 ('k')")
                .hasMessageContaining("twice");
    }

    @Test
    void badJsonNamesLineAndColumn() throws IOException {
        Path file = write("{\n  \"asOf\": \"2025-10-31\",\n  \"alliedParties\": [\"US\" \"AU\"]\n}");

        assertThatThrownBy(() -> MarketContext.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid JSON at line 3, column");
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("absent.json");

        assertThatThrownBy(() -> MarketContext.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not found");
    }
}
