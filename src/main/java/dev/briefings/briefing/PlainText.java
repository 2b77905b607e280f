package dev.briefings.briefing;

import java.util.OptionalInt;

/**
 * The characters text in a briefing may hold. Control characters (Unicode category Cc: U+0000 to U+001F, U+007F
 * to U+009F) other than tab, line feed and carriage return, unpaired surrogates and the non-characters U+FFFE and
 * U+FFFF are not text: XML (the PDF's XHTML, the workbook's sheets) cannot carry most of them, and on a terminal
 * they can move the cursor or recolour it. Intake refuses them ({@link #firstForbidden}); the renderers replace any
 * that still arrive (from a template, a rules file, an old staged record) with U+FFFD ({@link #cleaned}), so text
 * can never stop a render.
 */
public final class PlainText {

    /** What {@link #cleaned} puts in place of a forbidden character. */
    public static final char REPLACEMENT = '\uFFFD';

    private PlainText() {
    }

    /** Whether {@code c} (a UTF-16 unit, not a surrogate) may appear in text; tab, LF and CR only if {@code lines}. */
    private static boolean allowed(char c, boolean lines) {
        if (c < 0x20) {
            return lines && (c == '\t' || c == '\n' || c == '\r');
        }
        return !(c >= 0x7F && c <= 0x9F) && c != '\uFFFE' && c != '\uFFFF';
    }

    /** The index (in UTF-16 units) of the first character that may not appear in text, if any. */
    public static OptionalInt firstForbidden(String text) {
        return firstForbidden(text, true);
    }

    private static OptionalInt firstForbidden(String text, boolean lines) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue; // printable ASCII, most of any text: one test instead of five
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a supplementary character: always allowed
            } else if (Character.isSurrogate(c) || !allowed(c, lines)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** Whether the text holds only characters that may appear in text. */
    public static boolean isClean(String text) {
        return firstForbidden(text).isEmpty();
    }

    /**
     * Why a text is refused, e.g. "contains the control character U+0001 at character 4", or null when it is clean.
     * Characters are counted from 1, in code points, as an editor shows them.
     */
    public static String problem(String text) {
        return problem(text, firstForbidden(text, true));
    }

    /**
     * Like {@link #problem}, for a value that is one line (a name, a filter value): tab and line breaks are refused
     * as well.
     */
    public static String lineProblem(String text) {
        return problem(text, firstForbidden(text, false));
    }

    private static String problem(String text, OptionalInt at) {
        if (at.isEmpty()) {
            return null;
        }
        char c = text.charAt(at.getAsInt());
        String what = Character.isSurrogate(c) ? "an unpaired surrogate" : Character.isISOControl(c)
                ? "the control character" : "the non-character";
        return "contains " + what + " " + codePoint(c) + " at character "
                + (text.codePointCount(0, at.getAsInt()) + 1);
    }

    /** The text with every forbidden character replaced by U+FFFD; the same string when it is clean. */
    public static String cleaned(String text) {
        if (text == null) {
            return null;
        }
        OptionalInt first = firstForbidden(text);
        if (first.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        sb.append(text, 0, first.getAsInt());
        int n = text.length();
        for (int i = first.getAsInt(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) || !allowed(c, true) ? REPLACEMENT : c);
            }
        }
        return sb.toString();
    }

    /**
     * The text safe to echo in a message or on a terminal: every control character (tab, line feed and carriage
     * return included, so a message stays on one line), unpaired surrogate and non-character written as
     * {@code \\uXXXX}.
     */
    public static String visible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1));
            boolean escape = !pair && (Character.isSurrogate(c) || !allowed(c, false));
            if (escape && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (escape) {
                    sb.append(String.format("\\u%04X", (int) c));
                } else {
                    sb.append(c);
                    if (pair) {
                        sb.append(text.charAt(i + 1));
                    }
                }
            }
            if (pair) {
                i++;
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
