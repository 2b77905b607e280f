package dev.briefings.intake;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Strict YYYY-MM-DD dates: four-digit year, real calendar day (2025-02-30 is refused). */
final class Dates {

    private Dates() {
    }

    /** @return the date, or null when the text is not a real date in the form YYYY-MM-DD */
    static LocalDate parse(String text) {
        String t = text.trim();
        // Read by hand: every record has several dates, and a pattern plus a formatter cost more than the rest of
        // checking a date.
        if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            // LocalDate.of is strict: impossible days fail instead of rolling over.
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number written with ASCII digits only between from and to, or -1. */
    private static int digits(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
