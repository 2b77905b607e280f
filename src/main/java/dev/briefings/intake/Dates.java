package dev.briefings.intake;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Strict YYYY-MM-DD dates: four-digit year, real calendar day (2025-02-30 is refused). */
final class Dates {

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Dates() {
    }

    /** @return the date, or null when the text is not a real date in the form YYYY-MM-DD */
    static LocalDate parse(String text) {
        String trimmed = text.trim();
        if (!SHAPE.matcher(trimmed).matches()) {
            return null;
        }
        try {
            // ISO_LOCAL_DATE resolves strictly, so impossible days fail instead of rolling over.
            return LocalDate.parse(trimmed);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
