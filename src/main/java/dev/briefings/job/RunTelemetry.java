package dev.briefings.job;

import java.time.Duration;
import java.time.LocalDateTime;

import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.ObjectProvider;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Says which run a log line belongs to (job execution id, as-of date and edition in the MDC while the run executes)
 * and records each briefing run's duration and record counts. The command line has no meter registry: then only the
 * MDC part works.
 */
final class RunTelemetry implements JobExecutionListener {

    /** MDC keys; {@code run} is the three together, for the log pattern. */
    static final String RUN_ID = "runId";
    static final String AS_OF = "asOf";
    static final String EDITION = "edition";
    static final String RUN = "run";

    static final String RUN_TIMER = "briefings.runs";
    static final String RECORDS_READ = "briefings.run.records.read";
    static final String RECORDS_REJECTED = "briefings.run.records.rejected";

    private final ObjectProvider<MeterRegistry> registry;

    RunTelemetry(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        BriefingParameters p = BriefingParameters.from(execution.getJobParameters());
        MDC.put(RUN_ID, Long.toString(execution.getId()));
        MDC.put(AS_OF, p.asOf().toString());
        MDC.put(EDITION, p.edition());
        MDC.put(RUN, "run=" + execution.getId() + " asOf=" + p.asOf() + " edition=" + p.edition());
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            MeterRegistry meters = registry.getIfAvailable();
            if (meters != null) {
                record(meters, execution);
            }
        } finally {
            // The thread goes back to a pool: the next run must not inherit this one's name.
            MDC.remove(RUN_ID);
            MDC.remove(AS_OF);
            MDC.remove(EDITION);
            MDC.remove(RUN);
        }
    }

    private static void record(MeterRegistry meters, JobExecution execution) {
        BriefingParameters p = BriefingParameters.from(execution.getJobParameters());
        String kind = p.isNightly() ? "nightly" : "adhoc";
        String outcome = execution.getStatus().name().toLowerCase(java.util.Locale.ROOT);
        LocalDateTime start = execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        if (start != null) {
            Timer.builder(RUN_TIMER).description("Briefing run durations (one execution each)")
                    .tag("edition", kind).tag("outcome", outcome)
                    .register(meters).record(Duration.between(start, end));
        }
        // The job context keeps the counts of earlier executions of a resumed run: these are the run's totals.
        ExecutionContext context = execution.getExecutionContext();
        long ingestRejected = context.getLong(StagingWriter.REJECTED_COUNT, 0L);
        long read = context.getLong(StagingWriter.ACCEPTED_COUNT, 0L) + ingestRejected;
        long rejected = ingestRejected + context.getLong(ReconcileTasklet.REJECTED_COUNT, 0L);
        if (context.containsKey(StagingWriter.ACCEPTED_COUNT)) {
            DistributionSummary.builder(RECORDS_READ).description("Records read per briefing run").baseUnit("records")
                    .tag("edition", kind).register(meters).record(read);
            DistributionSummary.builder(RECORDS_REJECTED).description("Records rejected per briefing run")
                    .baseUnit("records").tag("edition", kind).register(meters).record(rejected);
        }
    }
}
