package dev.briefings.publish;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.briefings.briefing.Breakdown;
import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.Dimension;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json}: what a briefing was made from and what it contains, so that every figure can be traced
 * to its inputs and every output checked against its digest.
 */
public record Manifest(
        LocalDate asOf,
        String edition,
        Map<String, List<String>> filters,
        String template,
        long revision,
        String applicationVersion,
        OffsetDateTime generatedAt,
        List<FileDigest> inputs,
        Counts counts,
        Totals totals,
        List<FileDigest> outputs) {

    public static final String FILE_NAME = "manifest.json";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public record Counts(long read, long accepted, long rejected, long included) {
    }

    /** Totals in USD (cents); each breakdown maps its keys to committed and proposed amounts. */
    public record Totals(BigDecimal committedUsd, BigDecimal proposedUsd,
                         Map<String, Map<String, Amount>> breakdowns) {
    }

    public record Amount(BigDecimal committedUsd, BigDecimal proposedUsd) {
    }

    public static Totals totals(BriefingModel model) {
        Map<String, Map<String, Amount>> breakdowns = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            Breakdown b = model.breakdown(d);
            Map<String, Amount> rows = new LinkedHashMap<>();
            b.rows().forEach(r -> rows.put(r.key(), new Amount(r.committedUsd(), r.proposedUsd())));
            breakdowns.put(name(d), rows);
        }
        return new Totals(model.keyFigures().committedUsd(), model.keyFigures().proposedUsd(), breakdowns);
    }

    /** "byStage", "byParty", ... */
    static String name(Dimension d) {
        String label = d.label().replace(" ", "");
        return "by" + label;
    }

    public void write(Path file) {
        JSON.writeValue(file.toFile(), this);
    }

    public static Manifest read(Path file) {
        return JSON.readValue(file.toFile(), Manifest.class);
    }
}
