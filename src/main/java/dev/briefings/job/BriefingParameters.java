package dev.briefings.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

import dev.briefings.intake.InitiativeKind;
import dev.briefings.intake.Stage;

/**
 * The job parameters of one briefing, bound once. A briefing's identity is its as-of date, edition, filters,
 * template and revision (a forced re-run takes the next revision); the input and output folders are not part of
 * it.
 *
 * @param output the run folder, or null for the default {@code output/<as-of>/<edition>}
 */
public record BriefingParameters(LocalDate asOf, String edition, Filters filters, String template, long revision,
                                 Path input, Path output) {

    public static final String NIGHTLY = "nightly";
    public static final String DEFAULT_TEMPLATE = "default";

    static final String AS_OF = "asOf";
    static final String EDITION = "edition";
    static final String FILTERS = "filters";
    static final String TEMPLATE = "template";
    static final String REVISION = "revision";
    static final String INPUT = "input";
    static final String OUTPUT = "output";

    public BriefingParameters {
        filters = filters == null ? Filters.NONE : filters;
        template = template == null ? DEFAULT_TEMPLATE : template;
        edition = edition == null ? editionFor(filters, template) : edition;
    }

    /** "nightly" without filters; otherwise a name such as "party-au-jp_stage-mining"; a non-default template adds "_t-NAME". */
    public static String editionFor(Filters filters, String template) {
        String name = filters.isEmpty() ? NIGHTLY : filters.slug();
        return template == null || template.equals(DEFAULT_TEMPLATE) ? name : name + "_t-" + template;
    }

    public boolean isNightly() {
        return filters.isEmpty();
    }

    public Path runFolder(Path outputRoot) {
        return output != null ? output : outputRoot.resolve(asOf.toString()).resolve(edition);
    }

    public JobParameters toJobParameters() {
        var builder = new JobParametersBuilder()
                .addLocalDate(AS_OF, asOf)
                .addString(EDITION, edition)
                .addString(FILTERS, filters.canonical())
                .addString(TEMPLATE, template)
                .addLong(REVISION, revision)
                .addString(INPUT, input.toString(), false);
        if (output != null) {
            builder.addString(OUTPUT, output.toString(), false);
        }
        return builder.toJobParameters();
    }

    public static BriefingParameters from(JobParameters p) {
        String output = p.getString(OUTPUT);
        return new BriefingParameters(p.getLocalDate(AS_OF), p.getString(EDITION), Filters.parse(p.getString(FILTERS)),
                p.getString(TEMPLATE), p.getLong(REVISION, 1L), Path.of(p.getString(INPUT)),
                output == null ? null : Path.of(output));
    }

    /** The same briefing with another revision. */
    public BriefingParameters withRevision(long next) {
        return new BriefingParameters(asOf, edition, filters, template, next, input, output);
    }

    /**
     * The filters of an ad hoc edition. Values within one filter are alternatives; different filters must all
     * match. Lists are sorted and upper-cased (minerals lower-cased) so that equal requests are one briefing.
     */
    public record Filters(List<String> parties, List<String> stages, List<String> kinds, List<String> minerals) {

        public static final Filters NONE = new Filters(List.of(), List.of(), List.of(), List.of());

        public Filters {
            parties = normalise(parties, true);
            stages = normalise(stages, true);
            kinds = normalise(kinds, true);
            minerals = normalise(minerals, false);
        }

        private static List<String> normalise(List<String> values, boolean upper) {
            if (values == null) {
                return List.of();
            }
            return values.stream().map(String::trim).filter(v -> !v.isEmpty())
                    .map(v -> upper ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT))
                    .distinct().sorted().toList();
        }

        public boolean isEmpty() {
            return parties.isEmpty() && stages.isEmpty() && kinds.isEmpty() && minerals.isEmpty();
        }

        /** Whether a record is in this edition's scope. */
        public boolean matches(dev.briefings.intake.Initiative i) {
            return (parties.isEmpty() || i.parties().stream().anyMatch(parties::contains))
                    && (stages.isEmpty() || i.stages().stream().anyMatch(s -> stages.contains(s.name())))
                    && (kinds.isEmpty() || kinds.contains(i.kind().name()))
                    && (minerals.isEmpty() || i.minerals().stream()
                    .anyMatch(m -> minerals.contains(m.toLowerCase(Locale.ROOT))));
        }

        /** Problems a user must fix, e.g. "--stage 'MINNING' is not one of ...". */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            var countries = java.util.Set.of(Locale.getISOCountries());
            parties.stream().filter(p -> !countries.contains(p)).forEach(p ->
                    problems.add("--party '" + p + "' is not an ISO 3166-1 alpha-2 country code (e.g. US, AU, JP)"));
            stages.stream().filter(s -> !isEnum(Stage.class, s)).forEach(s ->
                    problems.add("--stage '" + s + "' is not one of " + names(Stage.class)));
            kinds.stream().filter(k -> !isEnum(InitiativeKind.class, k)).forEach(k ->
                    problems.add("--kind '" + k + "' is not one of " + names(InitiativeKind.class)));
            return problems;
        }

        private static <E extends Enum<E>> boolean isEnum(Class<E> type, String name) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        private static <E extends Enum<E>> String names(Class<E> type) {
            return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        }

        /** A stable text form, e.g. "party=AU,JP;stage=MINING". */
        public String canonical() {
            List<String> parts = new ArrayList<>();
            add(parts, "party", parties);
            add(parts, "stage", stages);
            add(parts, "kind", kinds);
            add(parts, "mineral", minerals);
            return String.join(";", parts);
        }

        private static void add(List<String> parts, String name, List<String> values) {
            if (!values.isEmpty()) {
                parts.add(name + "=" + String.join(",", values));
            }
        }

        public static Filters parse(String canonical) {
            List<String> parties = List.of(), stages = List.of(), kinds = List.of(), minerals = List.of();
            if (canonical != null && !canonical.isBlank()) {
                for (String part : canonical.split(";")) {
                    String[] kv = part.split("=", 2);
                    List<String> values = List.of(kv[1].split(","));
                    switch (kv[0]) {
                        case "party" -> parties = values;
                        case "stage" -> stages = values;
                        case "kind" -> kinds = values;
                        case "mineral" -> minerals = values;
                        default -> throw new IllegalArgumentException("unknown filter " + kv[0]);
                    }
                }
            }
            return new Filters(parties, stages, kinds, minerals);
        }

        /** For an edition folder name: lower-case, only [a-z0-9-_]. */
        String slug() {
            String s = canonical().toLowerCase(Locale.ROOT).replace('=', '-').replace(',', '-').replace(';', '_')
                    .replaceAll("[^a-z0-9_-]+", "-");
            return s.length() > 100 ? s.substring(0, 100) : s;
        }

        /** In words for the cover, e.g. "Parties: AU, JP · Stages: MINING". */
        public String describe() {
            if (isEmpty()) {
                return "All records";
            }
            List<String> parts = new ArrayList<>();
            if (!parties.isEmpty()) parts.add("Parties: " + String.join(", ", parties));
            if (!stages.isEmpty()) parts.add("Stages: " + String.join(", ", stages));
            if (!kinds.isEmpty()) parts.add("Kinds: " + String.join(", ", kinds));
            if (!minerals.isEmpty()) parts.add("Minerals: " + String.join(", ", minerals));
            return String.join(" · ", parts);
        }
    }

    /** Checks the parameters before a run starts, so that a bad request never leaves a failed run behind. */
    static final class Validator implements JobParametersValidator {
        @Override
        public void validate(JobParameters parameters) throws InvalidJobParametersException {
            if (parameters == null || parameters.getLocalDate(AS_OF) == null) {
                throw new InvalidJobParametersException("the as-of date (asOf) is missing");
            }
            if (parameters.getString(INPUT) == null || parameters.getString(EDITION) == null) {
                throw new InvalidJobParametersException("the input folder and the edition are required");
            }
            Filters filters;
            try {
                filters = Filters.parse(parameters.getString(FILTERS));
            } catch (RuntimeException e) {
                throw new InvalidJobParametersException("filters '" + parameters.getString(FILTERS) + "' cannot be read: " + e.getMessage());
            }
            List<String> problems = filters.problems();
            if (!problems.isEmpty()) {
                throw new InvalidJobParametersException(String.join("; ", problems));
            }
        }
    }
}
