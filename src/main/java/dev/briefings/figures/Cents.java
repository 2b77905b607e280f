package dev.briefings.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where money is rounded for display: to cents, half-even.
 */
public final class Cents {

    private Cents() {
    }

    public static BigDecimal round(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_EVEN);
    }

    /**
     * Rounds each part to cents so that the parts sum exactly to {@code round(sum of parts)}: every part is first
     * floored to a cent, then the cents still missing go one each to the parts with the largest remainders
     * (ties: the earlier part in iteration order). Each part ends within one cent of its exact value.
     */
    public static <K> Map<K, BigDecimal> allocate(Map<K, BigDecimal> exactParts) {
        BigDecimal exactTotal = exactParts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        long targetCents = round(exactTotal).movePointRight(2).longValueExact();
        record Part<K>(K key, int order, long floorCents, BigDecimal remainder) {
        }
        List<Part<K>> parts = new ArrayList<>();
        long floorSum = 0;
        int order = 0;
        for (Map.Entry<K, BigDecimal> e : exactParts.entrySet()) {
            BigDecimal inCents = e.getValue().movePointRight(2);
            BigDecimal floor = inCents.setScale(0, RoundingMode.FLOOR);
            parts.add(new Part<>(e.getKey(), order++, floor.longValueExact(), inCents.subtract(floor)));
            floorSum += floor.longValueExact();
        }
        long missing = targetCents - floorSum;
        List<Part<K>> byRemainder = new ArrayList<>(parts);
        byRemainder.sort(Comparator.<Part<K>, BigDecimal>comparing(Part::remainder).reversed()
                .thenComparingInt(Part::order));
        Map<K, Long> extra = new LinkedHashMap<>();
        for (int i = 0; i < missing; i++) {
            extra.merge(byRemainder.get(i % byRemainder.size()).key(), 1L, Long::sum);
        }
        Map<K, BigDecimal> result = new LinkedHashMap<>();
        for (Part<K> p : parts) {
            result.put(p.key(), BigDecimal.valueOf(p.floorCents() + extra.getOrDefault(p.key(), 0L), 2));
        }
        return result;
    }
}
