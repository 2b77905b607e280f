package dev.briefings.intake;

import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.briefings.briefing.PlainText;

/** The JSON settings shared by everything that reads curated input. */
public final class IntakeJson {

    /**
     * Floats become BigDecimal exactly as written (no trailing zeros stripped, so 1000000.10 keeps its scale).
     * Trailing tokens are allowed because array elements are read one at a time from a single parser; callers that
     * need a whole document check for trailing content themselves.
     */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private IntakeJson() {
    }

    /** "an object", "an array", … as a curator would say it. */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            case STRING, BINARY -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case MISSING -> "nothing";
        };
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    static String at(TokenStreamLocation location) {
        if (location == null || location == TokenStreamLocation.NA) {
            return "at an unknown position";
        }
        return "at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * Shortens a value echoed in a message so one huge field cannot flood a report, and writes its control
     * characters as {@code \\uXXXX} so the message stays one line of plain text.
     */
    static String clip(String text) {
        final int max = 80;
        if (text.length() <= max) {
            return PlainText.visible(text);
        }
        return PlainText.visible(text.substring(0, max)) + "…";
    }
}
