package dev.briefings.intake;

import tools.jackson.core.JacksonException;

/** Turns a Jackson read error into a sentence a curator can act on. */
final class JsonProblems {

    private JsonProblems() {
    }

    /** "not valid JSON at line 14, column 7: …", or "not valid UTF-8 at …" when the bytes are the problem. */
    static String reason(JacksonException e) {
        String detail = e.getOriginalMessage();
        if (detail == null) {
            detail = e.getClass().getSimpleName();
        }
        String where = IntakeJson.at(e.getLocation());
        if (detail.contains("UTF-8") || detail.contains("UTF8")) {
            return "not valid UTF-8 " + where + ": " + detail + "; save the file as UTF-8";
        }
        return "not valid JSON " + where + ": " + detail;
    }
}
