package dev.briefings.render.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.briefings.briefing.RiskNote;

/**
 * Formatting helpers the template calls as {@code fmt.usd(x)}, {@code fmt.date(d)} and so on.
 * Stateless and thread-safe (formats are created per call because DecimalFormat is not thread-safe).
 * Every method accepts null and then returns an en dash, so a missing value never breaks a render.
 */
public final class BriefingFormatter {

    private static final String NONE = "–";
    private static final BigDecimal MILLION = new BigDecimal("1000000");
    private static final BigDecimal BILLION = new BigDecimal("1000000000");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    /** "USD 1,250,000.00". */
    public String usd(BigDecimal amount) {
        return amount == null ? NONE : "USD " + number(amount.setScale(2, RoundingMode.HALF_EVEN), "#,##0.00");
    }

    /** Figures without cents: "1,250,000". */
    public String amount(BigDecimal amount) {
        return amount == null ? NONE : number(amount.setScale(0, RoundingMode.HALF_EVEN), "#,##0");
    }

    /** "USD 1.25 million", "USD 975 million", "USD 2.1 billion"; below a million the whole dollars. */
    public String usdShort(BigDecimal amount) {
        if (amount == null) {
            return NONE;
        }
        BigDecimal abs = amount.abs();
        String sign = amount.signum() < 0 ? "-" : "";
        if (abs.compareTo(BILLION) >= 0) {
            return sign + "USD " + number(abs.divide(BILLION, 2, RoundingMode.HALF_EVEN), "#,##0.##") + " billion";
        }
        if (abs.compareTo(MILLION) >= 0) {
            return sign + "USD " + number(abs.divide(MILLION, 2, RoundingMode.HALF_EVEN), "#,##0.##") + " million";
        }
        return sign + "USD " + number(abs.setScale(0, RoundingMode.HALF_EVEN), "#,##0");
    }

    /** A signed change: "+USD 650,000.00", "-USD 100,000.00", "USD 0.00". */
    public String usdDelta(BigDecimal amount) {
        if (amount == null) {
            return NONE;
        }
        String sign = amount.signum() > 0 ? "+" : amount.signum() < 0 ? "-" : "";
        return sign + usd(amount.abs());
    }

    /** A share 0..1 as a percentage with one decimal: 0.5 gives "50.0%". */
    public String pct(BigDecimal share) {
        return share == null ? NONE : number(share.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN), "#,##0.0") + "%";
    }

    /** "31 October 2025". */
    public String date(LocalDate date) {
        return date == null ? NONE : DATE.format(date);
    }

    /** "31 October 2025, 22:00 UTC". */
    public String dateTime(OffsetDateTime at) {
        return at == null ? NONE : DATE_TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** Whole counts with grouping: "1,234". */
    public String count(long n) {
        return number(BigDecimal.valueOf(n), "#,##0");
    }

    /** "1 initiative", "4 initiatives". */
    public String plural(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }

    /** An FX rate as given, without trailing zeros: "0.0066". */
    public String rate(BigDecimal rate) {
        return rate == null ? NONE : rate.stripTrailingZeros().toPlainString();
    }

    /** Comma-separated ids, with "+k more" when the full count exceeds the ids shown. */
    public String ids(List<String> ids, long fullCount) {
        if (ids == null || ids.isEmpty()) {
            return fullCount > 0 ? count(fullCount) + " initiatives" : NONE;
        }
        String shown = String.join(", ", ids);
        long more = fullCount - ids.size();
        return more > 0 ? shown + " +" + count(more) + " more" : shown;
    }

    /** Comma-separated values, or a dash when there are none. */
    public String list(List<?> values) {
        if (values == null || values.isEmpty()) {
            return NONE;
        }
        StringBuilder out = new StringBuilder();
        for (Object v : values) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(v);
        }
        return out.toString();
    }

    /** Source citations: "[1] [3]". */
    public String cites(List<Integer> numbers) {
        if (numbers == null || numbers.isEmpty()) {
            return NONE;
        }
        StringBuilder out = new StringBuilder();
        for (Integer n : numbers) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append('[').append(n).append(']');
        }
        return out.toString();
    }

    /** An enum-style name for display: "FEDERAL_PROGRAM" gives "Federal program". */
    public String label(String name) {
        if (name == null || name.isBlank()) {
            return NONE;
        }
        String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Labels of several enum-style names: "Mining, Processing". */
    public String labels(List<String> names) {
        return names == null || names.isEmpty() ? NONE : list(names.stream().map(this::label).toList());
    }

    /** The risk notes of one severity ("HIGH", "MEDIUM", "LOW"), in the model's order. */
    public List<RiskNote> severity(List<RiskNote> risks, String severity) {
        return risks == null ? List.of() : risks.stream().filter(r -> r.severity().name().equals(severity)).toList();
    }

    /** True for an address the PDF may link to: http or https only, never file:, javascript: and the like. */
    public boolean linkable(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** The market-context entries as "label: text" lines, sorted by label for a stable order. */
    public List<String> entries(Map<String, String> map) {
        return map == null ? List.of()
                : map.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    private static String number(BigDecimal value, String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(value);
    }
}
