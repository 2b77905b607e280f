package dev.briefings.intake;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** ISO code lists from the JDK, computed once (immutable). */
final class IsoCodes {

    static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private IsoCodes() {
    }

    /** Upper-cases a code the way curated files may spell it (any case accepted). */
    static String normalise(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }
}
