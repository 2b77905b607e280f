package dev.briefings.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import dev.briefings.history.RunHistory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.briefings.job.BriefingRunner;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Distributes a published briefing: makes the editions the recipients' interests need (each once), runs the
 * delivery job, and writes deliveries.json into the run folder from the delivery log.
 */
@Component
public class DeliveryRunner {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    public static final String DELIVERIES = "deliveries.json";
    /** A counter of recipients by what became of them, tag {@code outcome}. */
    static final String DELIVERIES_COUNTER = "briefings.deliveries";
    /** The counter's outcome tag for each of {@link DeliveryJobConfig#COUNTS}, then for rejected recipients. */
    static final String[] OUTCOMES = {"delivered", "already-delivered", "failed", "uncertain", "rejected"};

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job deliveryJob;
    private final BriefingRunner briefings;
    private final DeliveryProperties properties;
    private final RunHistory history;
    private final DeliveryLog log;
    private final MailChannel channel;
    private final ObjectProvider<MeterRegistry> meters;

    DeliveryRunner(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("deliveryJob") Job deliveryJob,
                   BriefingRunner briefings, DeliveryProperties properties,
                   RunHistory history, DeliveryLog log, MailChannel channel, ObjectProvider<MeterRegistry> meters) {
        this.channel = channel;
        this.meters = meters;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.deliveryJob = deliveryJob;
        this.briefings = briefings;
        this.properties = properties;
        this.history = history;
        this.log = log;
    }

    public record Report(Path runFolder, String channel, BatchStatus status, int delivered, int alreadyDelivered,
                         int failed, int uncertain, List<Distributor.RecipientIssue> rejected, List<Throwable> errors) {

        public boolean allDelivered() {
            return status == BatchStatus.COMPLETED && failed == 0 && uncertain == 0 && rejected.isEmpty();
        }
    }

    public Report distribute(Path runFolder, Path input, String template) throws Exception {
        Distribution plan = Distributor.plan(runFolder, input, template, properties, channel, history,
                parameters -> {
                    BriefingRunner.Outcome outcome = briefings.run(parameters, false);
                    if (outcome instanceof BriefingRunner.Outcome.Completed c) {
                        return c.runFolder();
                    }
                    if (outcome instanceof BriefingRunner.Outcome.AlreadyDone d) {
                        return d.runFolder();
                    }
                    throw new IllegalStateException("the edition " + parameters.edition() + " could not be made");
                });
        var params = new JobParametersBuilder()
                .addString(DeliveryJobConfig.RUN_FOLDER, plan.runFolder().toString())
                .addLong(DeliveryJobConfig.RUN, nextRun())
                .addString(DeliveryJobConfig.INPUT, input.toAbsolutePath().normalize().toString(), false)
                .addString(DeliveryJobConfig.TEMPLATE, template, false)
                .toJobParameters();
        JobExecution execution = jobOperator.start(deliveryJob, params);
        var context = execution.getExecutionContext();
        int[] counts = new int[DeliveryJobConfig.COUNTS.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = context.containsKey(DeliveryJobConfig.COUNTS[i]) ? context.getInt(DeliveryJobConfig.COUNTS[i]) : 0;
        }
        List<Distributor.RecipientIssue> rejected = plan.rejected().stream().map(Distributor.RecipientIssue::of).toList();
        writeDeliveries(plan, rejected);
        count(counts, rejected.size());
        return new Report(plan.runFolder(), plan.channel(), execution.getStatus(), counts[0], counts[1], counts[2],
                counts[3], rejected, execution.getAllFailureExceptions());
    }

    /** Adds this distribution's outcomes to the counter (the server has a registry; the command line has none). */
    private void count(int[] counts, int rejected) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry == null) {
            return;
        }
        for (int i = 0; i < OUTCOMES.length; i++) {
            Counter counter = Counter.builder(DELIVERIES_COUNTER).tag("outcome", OUTCOMES[i])
                    .description("Recipients of distributed briefings, by what became of their message")
                    .register(registry);
            // Every outcome is registered, even at zero, so that a scraper sees the series from the first distribution.
            counter.increment(i < counts.length ? counts[i] : rejected);
        }
    }

    /** The next number for a fresh delivery-job instance: a distribution may be run again at any time. */
    private long nextRun() {
        List<JobInstance> last = jobRepository.getJobInstances(DeliveryJobConfig.JOB_NAME, 0, 1);
        if (last.isEmpty()) {
            return 1;
        }
        JobExecution exec = jobRepository.getLastJobExecution(last.get(0));
        Long run = exec == null ? null : exec.getJobParameters().getLong(DeliveryJobConfig.RUN);
        return run == null ? last.get(0).getInstanceId() + 1 : run + 1;
    }

    private void writeDeliveries(Distribution plan, List<Distributor.RecipientIssue> rejected) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("distribution", plan.key());
        doc.put("asOf", plan.asOf().toString());
        doc.put("edition", plan.edition());
        doc.put("channel", plan.channel());
        doc.put("deliveries", log.all(plan.key()));
        doc.put("rejectedRecipients", rejected);
        Path target = plan.runFolder().resolve(DELIVERIES);
        // A fixed name: a run killed while writing it leaves nothing the next one does not overwrite.
        Path temp = plan.runFolder().resolve("." + DELIVERIES + ".tmp");
        try {
            JSON.writeValue(temp.toFile(), doc);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
