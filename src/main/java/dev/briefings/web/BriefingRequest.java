package dev.briefings.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** An ad hoc briefing as asked for: filters (values of one filter are alternatives), as-of date, template. */
public record BriefingRequest(
        @ArraySchema(maxItems = 50, arraySchema = @Schema(description = "ISO 3166-1 alpha-2 codes, e.g. AU"),
                schema = @Schema(maxLength = 100)) List<String> parties,
        @ArraySchema(maxItems = 50, schema = @Schema(allowableValues = {"MINING", "PROCESSING", "REFINING", "MAGNETS",
                "RECYCLING", "STOCKPILING", "RESEARCH"})) List<String> stages,
        @ArraySchema(maxItems = 50, schema = @Schema(allowableValues = {"PARTNERSHIP", "FEDERAL_PROGRAM", "LEGISLATION",
                "PRIVATE_PROJECT", "RESEARCH_AGREEMENT", "STOCKPILE"})) List<String> kinds,
        @ArraySchema(maxItems = 50, arraySchema = @Schema(description = "matched case-insensitively; all filters "
                + "together at most 2,500 characters as stored"), schema = @Schema(maxLength = 100)) List<String> minerals,
        @Schema(description = "default: today") LocalDate asOf,
        @Schema(pattern = "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", defaultValue = "default") String template) {
}
