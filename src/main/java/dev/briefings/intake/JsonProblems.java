package dev.briefings.intake;

import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

import dev.briefings.briefing.PlainText;

/** Turns a Jackson read error into a sentence a curator can act on. */
final class JsonProblems {

    /** Jackson appends where an unclosed array or object started, naming a redacted source: noise for a curator. */
    private static final Pattern START_MARKER = Pattern.compile(" \\(start marker at \\[Source:.*?\\]\\)");

    private JsonProblems() {
    }

    /**
     * "not valid JSON at line 14, column 7: …".
     *
     * @param fallback where the parser stood, used when the error carries no location (limit violations)
     */
    static String reason(JacksonException e, TokenStreamLocation fallback) {
        String detail = e.getOriginalMessage();
        if (detail == null) {
            detail = e.getClass().getSimpleName();
        }
        detail = START_MARKER.matcher(detail).replaceAll("");
        TokenStreamLocation location = e.getLocation();
        if (location == null || location == TokenStreamLocation.NA) {
            location = fallback;
        }
        String where = IntakeJson.at(location);
        if (e instanceof StreamConstraintsException) {
            return "too large or too deeply nested to read " + where + ": " + PlainText.visible(detail);
        }
        return "not valid JSON " + where + ": " + PlainText.visible(detail);
    }
}
