package dev.briefings.figures;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Money in words for messages: "1,250,000.00", rounded once, here. */
public final class Money {

    private Money() {
    }

    public static String format(BigDecimal usd) {
        var f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        return f.format(Cents.round(usd));
    }
}
