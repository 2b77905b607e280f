package dev.briefings.publish;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.briefings.briefing.Breakdown;
import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.Dimension;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json}: what a briefing was made from and what it contains, so that every figure can be traced
 * to its inputs and every output checked against its digest. {@code input} is the input folder the briefing was made
 * from (absolute), so that a later {@code distribute} reads the same recipients; older manifests lack it.
 * <p>
 * {@code generatedAt} is the only field that changes when the same briefing is run again (and {@code revision}, on
 * a forced rerun): everything else is written in a fixed order.
 */
public record Manifest(
        LocalDate asOf,
        String edition,
        Map<String, List<String>> filters,
        String template,
        String input,
        long revision,
        String applicationVersion,
        OffsetDateTime generatedAt,
        List<FileDigest> inputs,
        Counts counts,
        Totals totals,
        List<FileDigest> outputs) {

    public static final String FILE_NAME = "manifest.json";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public Manifest {
        // Filters by name: a caller's map (Map.of) may iterate in a different order in every JVM.
        filters = filters == null ? null : new TreeMap<>(filters);
    }

    public record Counts(long read, long accepted, long rejected, long included) {
    }

    /**
     * Totals in USD (cents), and each breakdown as a map from its keys (stage names, country codes, kinds, years,
     * organization names) to the committed and proposed amounts credited to them; each sums to the totals.
     */
    public record Totals(BigDecimal committedUsd, BigDecimal proposedUsd, Map<String, Amount> byStage,
                         Map<String, Amount> byParty, Map<String, Amount> byKind, Map<String, Amount> byYear,
                         Map<String, Amount> byOrganization) {

        /** Every breakdown by its name ("byStage", ...). */
        public Map<String, Map<String, Amount>> breakdowns() {
            Map<String, Map<String, Amount>> all = new LinkedHashMap<>();
            all.put("byStage", byStage);
            all.put("byParty", byParty);
            all.put("byKind", byKind);
            all.put("byYear", byYear);
            all.put("byOrganization", byOrganization);
            return all;
        }
    }

    public record Amount(BigDecimal committedUsd, BigDecimal proposedUsd) {
    }

    public static Totals totals(BriefingModel model) {
        return new Totals(model.keyFigures().committedUsd(), model.keyFigures().proposedUsd(),
                amounts(model.breakdown(Dimension.STAGE)), amounts(model.breakdown(Dimension.PARTY)),
                amounts(model.breakdown(Dimension.KIND)), amounts(model.breakdown(Dimension.YEAR)),
                amounts(model.breakdown(Dimension.ORGANIZATION)));
    }

    private static Map<String, Amount> amounts(Breakdown b) {
        Map<String, Amount> rows = new LinkedHashMap<>();
        b.rows().forEach(r -> rows.put(r.key(), new Amount(r.committedUsd(), r.proposedUsd())));
        return rows;
    }

    /** @throws java.io.UncheckedIOException naming the file when it cannot be written (a full disk, say) */
    public void write(Path file) {
        try {
            JSON.writeValue(file.toFile(), this);
        } catch (JacksonException e) {
            throw new java.io.UncheckedIOException(Failures.writing(file, e));
        }
    }

    public static Manifest read(Path file) {
        return JSON.readValue(file.toFile(), Manifest.class);
    }
}
