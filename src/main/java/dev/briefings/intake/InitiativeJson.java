package dev.briefings.intake;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A compact, lossless JSON form of an accepted {@link Initiative}, used to stage records (for example in a
 * database) and read them back: BigDecimal amounts keep their scale, dates are ISO strings, null texts are left out.
 */
public final class InitiativeJson {

    /** Configured once and immutable, so sharing it across threads is safe and fast. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private InitiativeJson() {
    }

    public static String write(Initiative initiative) {
        Objects.requireNonNull(initiative, "initiative");
        return MAPPER.writeValueAsString(initiative);
    }

    /**
     * @throws tools.jackson.core.JacksonException if the text is not a form written by {@link #write(Initiative)}
     */
    public static Initiative read(String json) {
        Objects.requireNonNull(json, "json");
        return MAPPER.readValue(json, Initiative.class);
    }
}
