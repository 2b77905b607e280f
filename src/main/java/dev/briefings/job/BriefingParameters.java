package dev.briefings.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

import dev.briefings.filters.Filters;

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
    /** The as-of dates a briefing may have: the records' era, with room to spare (and folder names of 10 characters). */
    public static final LocalDate EARLIEST_AS_OF = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST_AS_OF = LocalDate.of(2100, 12, 31);

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

    /** Why an as-of date cannot be used (e.g. "'+999999999-12-31' is not between 2000-01-01 and 2100-12-31"), or null. */
    public static String asOfProblem(LocalDate asOf) {
        if (asOf == null || (!asOf.isBefore(EARLIEST_AS_OF) && !asOf.isAfter(LATEST_AS_OF))) {
            return null;
        }
        return "'" + asOf + "' is not between " + EARLIEST_AS_OF + " and " + LATEST_AS_OF;
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

    /** Checks the parameters before a run starts, so that a bad request never leaves a failed run behind. */
    static final class Validator implements JobParametersValidator {
        @Override
        public void validate(JobParameters parameters) throws InvalidJobParametersException {
            if (parameters == null || parameters.getLocalDate(AS_OF) == null) {
                throw new InvalidJobParametersException("the as-of date (asOf) is missing");
            }
            String asOf = asOfProblem(parameters.getLocalDate(AS_OF));
            if (asOf != null) {
                throw new InvalidJobParametersException("the as-of date " + asOf);
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
            List<Filters.Problem> problems = filters.problems();
            if (!problems.isEmpty()) {
                throw new InvalidJobParametersException(problems.stream().map(p -> p.filter() + " " + p.message())
                        .collect(Collectors.joining("; ")));
            }
        }
    }
}
