package dev.briefings.briefing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * @param fxAsOf   the date of fx-rates.json
 * @param fxRates  USD value of one unit of each currency used, sorted by code
 * @param marketContext context figures used (label to text, e.g. "China's share of rare-earth processing" to
 *                 "60% (IEA, 2024)")
 */
public record Methodology(LocalDate fxAsOf, Map<String, BigDecimal> fxRates, Map<String, String> marketContext) {
}
