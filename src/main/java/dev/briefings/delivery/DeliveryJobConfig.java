package dev.briefings.delivery;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.slf4j.MDC;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.item.support.SynchronizedItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.transaction.PlatformTransactionManager;

import dev.briefings.BriefingsProperties;
import dev.briefings.history.RunHistory;
import dev.briefings.intake.InputFiles;

/** The delivery job: one multi-threaded step that personalises and sends the briefing to every recipient. */
@Configuration(proxyBeanMethods = false)
class DeliveryJobConfig {

    static final String JOB_NAME = "deliveryJob";
    static final String RUN_FOLDER = "runFolder";
    static final String INPUT = "input";
    static final String TEMPLATE = "template";
    static final String RUN = "run";
    /** Job context keys for the counts of this run. */
    static final String[] COUNTS = {"delivered", "alreadyDelivered", "failed", "uncertain"};

    /** Runs a task with the MDC of the thread that handed it over (the delivery threads). */
    private static final TaskDecorator COPY_MDC = task -> {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
            try {
                task.run();
            } finally {
                if (previous == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(previous);
                }
            }
        };
    };

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;

    DeliveryJobConfig(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
    }

    @Bean
    Job deliveryJob(Step deliverBriefingStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(deliverBriefingStep).build();
    }

    /**
     * Recipients are delivered in the processor, which Spring Batch runs on several threads at once; the writer
     * only counts the outcomes. Each delivery commits its own log entries, so the chunk transaction holds nothing.
     */
    @Bean
    Step deliverBriefingStep(SynchronizedItemReader<Recipient> recipientReader, DeliveryProcessor deliveryProcessor,
                             DeliveryProperties properties) {
        var threads = new SimpleAsyncTaskExecutor("deliver-");
        threads.setConcurrencyLimit(Math.max(1, properties.threads()));
        threads.setTaskDecorator(COPY_MDC);
        var counter = new OutcomeCounter();
        return new StepBuilder("deliverBriefingStep", jobRepository)
                .<Recipient, RecipientDelivery.Result>chunk(Math.max(1, properties.threads()) * 4)
                .transactionManager(transactionManager)
                .reader(recipientReader)
                .processor(deliveryProcessor)
                .writer(counter)
                .listener(counter)
                .taskExecutor(threads)
                .build();
    }

    /** Not proxied (a record cannot be): only the step-scoped reader and writer below use it. */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    Distribution distribution(@Value("#{stepExecution}") StepExecution step, DeliveryProperties properties,
                              MailChannel channel, RunHistory history) {
        var p = step.getJobExecution().getJobParameters();
        return Distributor.plan(Path.of(p.getString(RUN_FOLDER)), Path.of(p.getString(INPUT)), p.getString(TEMPLATE),
                properties, channel, history, null);
    }

    @Bean
    @StepScope
    SynchronizedItemReader<Recipient> recipientReader(Distribution distribution) {
        return new SynchronizedItemReader<>(new ListItemReader<>(distribution.recipients()));
    }

    @Bean
    @StepScope
    DeliveryProcessor deliveryProcessor(@Value("#{stepExecution}") StepExecution step, Distribution distribution,
                                  DeliveryLog log, DeliveryProperties properties, MailChannel channel,
                                  BriefingsProperties briefings) {
        SmtpSender sender = channel.sender();
        String template = step.getJobExecution().getJobParameters().getString(TEMPLATE);
        Path templateDir = briefings.templatesDir().resolve(template);
        InputFiles.treeInside(briefings.templatesDir(), templateDir, "template '" + template + "'");
        var composer = new MailComposer(templateDir);
        return new DeliveryProcessor(new RecipientDelivery(distribution, log, composer, Distributor.passwords(properties),
                sender, properties.from()));
    }

    /** Delivers one recipient; thread-safe. */
    static class DeliveryProcessor implements ItemProcessor<Recipient, RecipientDelivery.Result> {
        private final RecipientDelivery delivery;

        DeliveryProcessor(RecipientDelivery delivery) {
            this.delivery = delivery;
        }

        @Override
        public RecipientDelivery.Result process(Recipient recipient) {
            return delivery.deliver(recipient);
        }
    }

    /** Counts the outcomes for the summary and leaves them in the job's context. */
    static class OutcomeCounter implements ItemWriter<RecipientDelivery.Result>, StepExecutionListener {
        private final AtomicIntegerArray counts = new AtomicIntegerArray(COUNTS.length);

        @Override
        public void write(Chunk<? extends RecipientDelivery.Result> chunk) {
            for (RecipientDelivery.Result r : chunk) {
                counts.incrementAndGet(r.ordinal());
            }
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            for (int i = 0; i < COUNTS.length; i++) {
                counts.set(i, 0);
            }
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            var context = stepExecution.getJobExecution().getExecutionContext();
            for (int i = 0; i < COUNTS.length; i++) {
                context.putInt(COUNTS[i], counts.get(i));
            }
            return stepExecution.getExitStatus();
        }
    }
}
