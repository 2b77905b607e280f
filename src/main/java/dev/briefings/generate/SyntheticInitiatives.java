package dev.briefings.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.briefings.intake.FundingLine;
import dev.briefings.intake.Initiative;
import dev.briefings.intake.InitiativeStatus;
import dev.briefings.intake.Organization;
import dev.briefings.intake.Source;
import dev.briefings.intake.Stage;
import dev.briefings.intake.StatedRisk;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes any number of valid synthetic initiative records, deterministically for a seed, for load tests and demos.
 * Records are streamed one at a time, so a million records need no more memory than ten.
 */
public final class SyntheticInitiatives {

    /** The date the sample fx rates apply to; the same as the curated sample's. */
    static final String FX_AS_OF = "2025-10-31";
    /** USD value of one unit, approximate October 2025 levels; covers every currency the generator uses. */
    static final Map<String, BigDecimal> FX_RATES = Map.of(
            "USD", BigDecimal.ONE,
            "AUD", new BigDecimal("0.65"),
            "JPY", new BigDecimal("0.0066"),
            "EUR", new BigDecimal("1.16"));

    private final SyntheticRecords records;

    public SyntheticInitiatives(long seed) {
        this.records = new SyntheticRecords(seed);
    }

    /**
     * Writes {@code count} records to {@code file}: a JSON array if its name ends with {@code .json}, one object a
     * line if it ends with {@code .jsonl}. An existing file is replaced.
     *
     * @throws IllegalArgumentException for a negative count or another file extension
     * @throws UncheckedIOException if the file cannot be written
     */
    public void write(Path file, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        boolean lines = isJsonLines(file);
        // No separator between root values: JSON lines get an explicit newline after each object instead.
        var mapper = JsonMapper.builder(JsonFactory.builder().rootValueSeparator((String) null).build()).build();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             JsonGenerator gen = mapper.createGenerator(out)) {
            if (!lines) {
                gen.writeStartArray();
            }
            for (long index = 0; index < count; index++) {
                writeRecord(gen, records.record(index), index);
                if (lines) {
                    gen.writeRaw('\n');
                }
            }
            if (!lines) {
                gen.writeEndArray();
                gen.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write synthetic records to " + file, e);
        }
    }

    /** Writes an fx-rates.json covering every currency the generator uses. */
    public static void writeFxRates(Path file) {
        var mapper = JsonMapper.builder().build();
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator gen = mapper.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringProperty("asOf", FX_AS_OF);
            gen.writeObjectPropertyStart("rates");
            for (String currency : SyntheticRecords.CURRENCIES) {
                gen.writeNumberProperty(currency, FX_RATES.get(currency));
            }
            gen.writeEndObject();
            gen.writeEndObject();
            gen.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write fx rates to " + file, e);
        }
    }

    private static boolean isJsonLines(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString();
        if (text.endsWith(".jsonl")) {
            return true;
        }
        if (text.endsWith(".json")) {
            return false;
        }
        throw new IllegalArgumentException("File name must end with .json or .jsonl: " + file);
    }

    /** Defaults are sometimes written and sometimes left out, so readers meet both shapes. */
    private static void writeRecord(JsonGenerator gen, Initiative r, long index) {
        gen.writeStartObject();
        gen.writeStringProperty("id", r.id());
        gen.writeStringProperty("title", r.title());
        gen.writeStringProperty("kind", r.kind().name());
        gen.writeStringProperty("announced", r.announced().toString());
        gen.writeArrayPropertyStart("parties");
        for (String party : r.parties()) {
            gen.writeString(party);
        }
        gen.writeEndArray();
        gen.writeArrayPropertyStart("stages");
        for (Stage stage : r.stages()) {
            gen.writeString(stage.name());
        }
        gen.writeEndArray();
        gen.writeArrayPropertyStart("sources");
        for (Source source : r.sources()) {
            gen.writeStartObject();
            gen.writeStringProperty("url", source.url());
            gen.writeStringProperty("publisher", source.publisher());
            gen.writeStringProperty("published", source.published().toString());
            optional(gen, "title", source.title());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        optional(gen, "summary", r.summary());
        if (!r.minerals().isEmpty()) {
            gen.writeArrayPropertyStart("minerals");
            for (String mineral : r.minerals()) {
                gen.writeString(mineral);
            }
            gen.writeEndArray();
        }
        if (!r.organizations().isEmpty()) {
            gen.writeArrayPropertyStart("organizations");
            for (Organization org : r.organizations()) {
                gen.writeStartObject();
                gen.writeStringProperty("name", org.name());
                optional(gen, "role", org.role());
                optional(gen, "ticker", org.ticker());
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        optional(gen, "location", r.location());
        if (r.status() != InitiativeStatus.ANNOUNCED || index % 2 == 0) {
            gen.writeStringProperty("status", r.status().name());
        }
        if (!r.binding() || index % 3 == 0) {
            gen.writeBooleanProperty("binding", r.binding());
        }
        optional(gen, "partOf", r.partOf());
        if (!r.funding().isEmpty()) {
            gen.writeArrayPropertyStart("funding");
            for (FundingLine line : r.funding()) {
                gen.writeStartObject();
                gen.writeNumberProperty("amount", line.amount());
                gen.writeStringProperty("currency", line.currency());
                gen.writeStringProperty("status", line.status().name());
                if (line.type() != null) {
                    gen.writeStringProperty("type", line.type().name());
                }
                optional(gen, "note", line.note());
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        if (!r.risks().isEmpty()) {
            gen.writeArrayPropertyStart("risks");
            for (StatedRisk risk : r.risks()) {
                gen.writeStartObject();
                gen.writeStringProperty("category", risk.category().name());
                gen.writeStringProperty("note", risk.note());
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        if (!r.tags().isEmpty()) {
            gen.writeArrayPropertyStart("tags");
            for (String tag : r.tags()) {
                gen.writeString(tag);
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
    }

    private static void optional(JsonGenerator gen, String name, String value) {
        if (value != null) {
            gen.writeStringProperty(name, value);
        }
    }
}
