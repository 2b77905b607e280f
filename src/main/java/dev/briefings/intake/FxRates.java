package dev.briefings.intake;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;

/**
 * Exchange rates from {@code fx-rates.json}: the USD value of one unit of each currency, as of one date.
 * {@code {"asOf": "2025-10-31", "rates": {"AUD": 0.65, "JPY": 0.0066}}}. USD is always 1 and may be omitted.
 *
 * @param asOf  the date the rates were taken
 * @param rates ISO 4217 code (upper case) to USD per unit, all positive
 */
public record FxRates(LocalDate asOf, Map<String, BigDecimal> rates) {

    private static final String USD = "USD";

    public FxRates {
        Objects.requireNonNull(asOf, "asOf");
        // Codes are upper-cased here too, so lookups work however the map was built.
        rates = rates.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                entry -> IsoCodes.normalise(entry.getKey()), Map.Entry::getValue));
    }

    /**
     * Reads and checks the rates file, reporting every problem at once.
     *
     * @throws ConfigurationException naming the file: missing or unreadable file, bad JSON (with line and column),
     *                                missing or bad {@code asOf}, a rate that is not a positive number, a code that
     *                                is not ISO 4217, or a USD rate other than 1
     */
    public static FxRates load(Path file) {
        JsonNode root = readJson(file);
        List<String> problems = new ArrayList<>();
        if (!root.isObject()) {
            throw new ConfigurationException(file + ": expected a JSON object with \"asOf\" and \"rates\", found "
                    + IntakeJson.describe(root));
        }
        LocalDate asOf = null;
        JsonNode asOfNode = root.get("asOf");
        if (asOfNode == null || asOfNode.isNull()) {
            problems.add("\"asOf\" is missing; give the date of the rates as YYYY-MM-DD");
        } else {
            asOf = asOfNode.isString() ? Dates.parse(asOfNode.stringValue()) : null;
            if (asOf == null) {
                problems.add("\"asOf\" " + shown(asOfNode) + " is not a date in the form YYYY-MM-DD");
            }
        }
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        JsonNode ratesNode = root.get("rates");
        if (ratesNode == null || ratesNode.isNull()) {
            problems.add("\"rates\" is missing; give an object of currency code to USD per unit");
        } else if (!ratesNode.isObject()) {
            problems.add("\"rates\" must be an object of currency code to USD per unit (found "
                    + IntakeJson.describe(ratesNode) + ")");
        } else {
            for (Map.Entry<String, JsonNode> entry : ratesNode.properties()) {
                readRate(entry.getKey(), entry.getValue(), rates, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(file + ": " + String.join("; ", problems));
        }
        return new FxRates(asOf, rates);
    }

    private static void readRate(String key, JsonNode value, Map<String, BigDecimal> rates, List<String> problems) {
        String code = IsoCodes.normalise(key);
        String label = "rate \"" + IntakeJson.clip(key) + "\"";
        boolean ok = true;
        if (!IsoCodes.CURRENCIES.contains(code)) {
            problems.add(label + ": '" + IntakeJson.clip(key) + "' is not an ISO 4217 currency code");
            ok = false;
        }
        if (!value.isNumber()) {
            problems.add(label + " must be a positive number (found " + shown(value) + ")");
            return;
        }
        BigDecimal rate = value.decimalValue();
        if (rate.signum() <= 0) {
            problems.add(label + " must be a positive number (found " + Numbers.display(rate) + ")");
            ok = false;
        } else if (code.equals(USD) && rate.compareTo(BigDecimal.ONE) != 0) {
            problems.add(label + " must be 1: rates are USD per unit (found " + Numbers.display(rate) + ")");
            ok = false;
        }
        if (ok && rates.putIfAbsent(code, rate) != null) {
            problems.add(label + " appears twice (codes are compared ignoring case)");
        }
    }

    private static JsonNode readJson(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            // Duplicate detection: a repeated currency would otherwise silently keep the last rate.
            JsonNode root = IntakeJson.MAPPER.reader()
                    .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(new StrictUtf8Reader(in));
            if (root == null || root.isMissingNode()) {
                throw new ConfigurationException(file + ": the file is empty; expected {\"asOf\": …, \"rates\": {…}}");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(file + ": file not found; provide the FX rates file", e);
        } catch (IOException e) {
            throw new ConfigurationException(file + ": cannot read the file (" + e.getMessage() + ")", e);
        } catch (JacksonIOException e) {
            String problem = e.getCause() instanceof StrictUtf8Reader.InvalidUtf8Exception invalid
                    ? invalid.getMessage() : "cannot read the file (" + e.getMessage() + ")";
            throw new ConfigurationException(file + ": " + problem, e);
        } catch (JacksonException e) {
            throw new ConfigurationException(file + ": " + JsonProblems.reason(e, null), e);
        }
    }

    private static String shown(JsonNode node) {
        return node.isString() ? "'" + IntakeJson.clip(node.stringValue()) + "'" : IntakeJson.describe(node);
    }

    /** The USD value of one unit, if known; USD is always 1. The code is matched ignoring case. */
    public Optional<BigDecimal> rate(String currency) {
        String code = IsoCodes.normalise(currency);
        BigDecimal rate = rates.get(code);
        if (rate == null && code.equals(USD)) {
            return Optional.of(BigDecimal.ONE);
        }
        return Optional.ofNullable(rate);
    }

    /**
     * Exact conversion (no rounding): {@code amount × rate}.
     *
     * @throws IllegalArgumentException if the currency has no rate (validated records never do)
     */
    public BigDecimal toUsd(BigDecimal amount, String currency) {
        BigDecimal rate = rate(currency)
                .orElseThrow(() -> new IllegalArgumentException("no FX rate for currency " + currency));
        return amount.multiply(rate);
    }
}
