package dev.briefings.risk;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import dev.briefings.briefing.Dimension;

/**
 * Committed funding in USD credited to each key of a dimension, exact, as the figures code credits it (so that
 * carve-outs are not counted twice). Keys: country codes for PARTY, Stage names for STAGE, organization names for
 * ORGANIZATION, InitiativeKind names for KIND, years for YEAR.
 */
public record FundingShares(BigDecimal committedTotal, Map<Dimension, Map<String, BigDecimal>> committedByKey) {

    public FundingShares {
        Objects.requireNonNull(committedTotal, "committedTotal");
        var copy = new EnumMap<Dimension, Map<String, BigDecimal>>(Dimension.class);
        committedByKey.forEach((dimension, byKey) -> copy.put(dimension, Map.copyOf(byKey)));
        committedByKey = copy.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(copy);
    }

    /** Nothing committed: no concentration can fire. */
    public static FundingShares none() {
        return new FundingShares(BigDecimal.ZERO, Map.of());
    }
}
