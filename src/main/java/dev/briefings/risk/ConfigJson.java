package dev.briefings.risk;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.briefings.intake.ConfigurationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the small JSON configuration files of this package as trees and gives field access whose errors name the
 * file, the place in it (e.g. "rule 3 (id 'x')") and the field, so that the user knows what to fix.
 */
final class ConfigJson {

    // Decimals as BigDecimal: shares and amounts are compared exactly. Duplicate keys are a typo the user must see.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Path file;

    private ConfigJson(Path file) {
        this.file = file;
    }

    /** The root object of {@code file}, or a ConfigurationException naming the file and what is wrong. */
    static JsonNode readObject(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(file + ": " + what + " not found (expected a JSON file)");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at == TokenStreamLocation.NA ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigurationException(file + ": " + what + " is not valid JSON" + where + ": "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new ConfigurationException(file + ": " + what + " must be a JSON object");
        }
        return root;
    }

    static ConfigJson of(Path file) {
        return new ConfigJson(file);
    }

    ConfigurationException error(String place, String message) {
        return new ConfigurationException(file + ": " + (place.isEmpty() ? "" : place + ": ") + message);
    }

    /** Rejects fields other than {@code allowed}: a misspelt parameter would otherwise silently take its default. */
    void onlyFields(JsonNode node, String place, Set<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw error(place, "unknown field '" + name + "' (expected one of " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    String text(JsonNode node, String place, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw error(place, "field '" + field + "' is missing");
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            throw error(place, "field '" + field + "' must be a non-empty text");
        }
        return value.stringValue();
    }

    /** The text, or null when the field is absent or null. */
    String optionalText(JsonNode node, String place, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw error(place, "field '" + field + "' must be a text");
        }
        return value.stringValue();
    }

    BigDecimal decimal(JsonNode node, String place, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw error(place, "field '" + field + "' is missing");
        }
        if (!value.isNumber()) {
            throw error(place, "field '" + field + "' must be a number");
        }
        return value.decimalValue();
    }

    BigDecimal optionalDecimal(JsonNode node, String place, String field, BigDecimal otherwise) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? otherwise : decimal(node, place, field);
    }

    int optionalPositiveInt(JsonNode node, String place, String field, int otherwise) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw error(place, "field '" + field + "' must be a whole number of at least 1");
        }
        return value.intValue();
    }

    LocalDate date(JsonNode node, String place, String field) {
        String text = text(node, place, field);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(place, "field '" + field + "' must be a date like 2025-10-31, not '" + text + "'");
        }
    }

    /** The texts of an array field; an empty list when absent and {@code required} is false. */
    List<String> texts(JsonNode node, String place, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw error(place, "field '" + field + "' is missing");
            }
            return List.of();
        }
        if (!value.isArray()) {
            throw error(place, "field '" + field + "' must be a list of texts");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value.values()) {
            if (!element.isString() || element.stringValue().isBlank()) {
                throw error(place, "field '" + field + "' must be a list of non-empty texts");
            }
            texts.add(element.stringValue());
        }
        return texts;
    }

    /** The named enum constants of an array field (at least one), with the valid names in the error. */
    <E extends Enum<E>> Set<E> enums(JsonNode node, String place, String field, Class<E> type) {
        List<String> names = texts(node, place, field, true);
        if (names.isEmpty()) {
            throw error(place, "field '" + field + "' must name at least one value");
        }
        var result = java.util.EnumSet.noneOf(type);
        for (String name : names) {
            result.add(constant(place, field, type, name));
        }
        return result;
    }

    <E extends Enum<E>> E constant(String place, String field, Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw error(place, "field '" + field + "': unknown " + type.getSimpleName() + " '" + name
                + "' (expected one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                .map(Enum::name).toList()) + ")");
    }
}
