package dev.briefings.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.briefings.intake.Source;

/** Display formats of the risk notes' sentences, and the filling of {placeholders}. */
final class Display {

    /** How many ids {ids} spells out in a sentence; the note's id list carries the rest (capped). */
    static final int IDS_IN_SENTENCE = 5;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Display() {
    }

    /** "USD 1,234,567.89": cents, rounded half-even. */
    static String usd(BigDecimal amount) {
        return String.format(Locale.US, "USD %,.2f", amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** A share 0..1 as a percentage with one decimal, e.g. 0.625 to "62.5%". */
    static String percent(BigDecimal share) {
        return share.multiply(HUNDRED).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /** part / total as a percentage with one decimal; total must not be 0. */
    static String percent(BigDecimal part, BigDecimal total) {
        return part.multiply(HUNDRED).divide(total, 1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    static String figure(BigDecimal value, String unit) {
        return "share".equals(unit) ? percent(value) : value.stripTrailingZeros().toPlainString() + " " + unit;
    }

    /** "IEA, 2025-10-31". */
    static String source(Source source) {
        return source.publisher() + (source.published() == null ? "" : ", " + source.published());
    }

    /** "1 initiative", "3 initiatives". */
    static String initiatives(long count) {
        return count(count) + (count == 1 ? " initiative" : " initiatives");
    }

    /** A count with thousands separators, e.g. "1,000,000". */
    static String count(long count) {
        return String.format(Locale.US, "%,d", count);
    }

    /** "a, b and c", or "a, b, c, d, e and 115 more" when there are more than fit. */
    static String ids(List<String> ids, long count) {
        List<String> shown = ids.subList(0, Math.min(ids.size(), IDS_IN_SENTENCE));
        long more = count - shown.size();
        if (more > 0) {
            return String.join(", ", shown) + (shown.isEmpty() ? "" : " and ") + count(more) + " more";
        }
        if (shown.size() <= 1) {
            return String.join("", shown);
        }
        return String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
    }

    /** "PERMITTING" to "Permitting". */
    static String capitalized(String name) {
        String lower = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Replaces each {name} by its value; names were checked against the rule shape when the rules were loaded. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
