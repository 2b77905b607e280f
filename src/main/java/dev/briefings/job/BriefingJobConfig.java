package dev.briefings.job;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.core.instrument.MeterRegistry;

import dev.briefings.BriefingsProperties;
import dev.briefings.history.RunHistory;
import dev.briefings.intake.FxRates;
import dev.briefings.intake.InputFiles;
import dev.briefings.render.Renderers;
import dev.briefings.staging.Workspace;

/** The briefing job: fingerprint the inputs, ingest, reconcile, compute figures, render and publish. */
@Configuration(proxyBeanMethods = false)
class BriefingJobConfig {

    static final String JOB_NAME = "briefingJob";
    static final String INGEST_STEP = "ingestRecordsStep";
    static final String COMPOSE_STEP = "composeBriefingStep";
    static final String PUBLISH_STEP = "publishBriefingStep";
    /**
     * Records per ingest chunk (a commit each, and what a restart may read again). A chunk holds its records
     * encoded (a few hundred bytes each, no longer parsed trees), so 2,000 of them cost the collector nothing more
     * than 500 did (100,000 records: 21 pauses either way, 0.39-0.45 s against 0.38-0.40 s), while the step's thread
     * spends less on commits and the job repository (100,000 records: 0.38-0.44 CPU-seconds in all
     * instead of 0.46-0.59).
     */
    static final int CHUNK_SIZE = 2000;
    /**
     * Threads that validate and encode records, besides the one that parses them and the step's own, which then
     * only appends bytes and commits. Two: on a 2-core machine the operating system shares both cores among the
     * four, so that no one of them bounds the step.
     */
    static final int INTAKE_WORKERS = 2;

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final BriefingsProperties properties;

    BriefingJobConfig(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                      BriefingsProperties properties) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.properties = properties;
    }

    @Bean
    Job briefingJob(Step fingerprintInputsStep, Step ingestRecordsStep, Step reconcileRecordsStep,
                    Step composeBriefingStep, Step publishBriefingStep, ObjectProvider<MeterRegistry> meters) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new BriefingParameters.Validator())
                .start(fingerprintInputsStep)
                .next(ingestRecordsStep)
                .next(reconcileRecordsStep)
                .next(composeBriefingStep)
                .next(publishBriefingStep)
                .listener(new RunTelemetry(meters))
                .listener(new JobExecutionListener() {
                    @Override
                    public void afterJob(JobExecution execution) {
                        // The workspace is only needed to resume; a published briefing no longer needs it.
                        if (execution.getStatus() == BatchStatus.COMPLETED) {
                            Workspace.of(properties.dataDir(), execution.getJobInstance().getInstanceId()).delete();
                        }
                    }
                })
                .build();
    }

    @Bean
    ComposedOutputs composedOutputs() {
        return new ComposedOutputs();
    }

    /** Everything that does not depend on the records is made ready here (see {@link Renderers}). */
    @Bean
    @ConditionalOnMissingBean
    Renderers renderers() {
        return new Renderers();
    }

    /** Tells the run's progress sink which step is running. */
    private StepExecutionListener progressOf(ObjectProvider<RunProgress> progress) {
        RunProgress sink = progress.getIfAvailable(() -> RunProgress.NONE);
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                sink.stepStarted(stepExecution.getStepName());
            }
        };
    }

    @Bean
    Step fingerprintInputsStep(FingerprintTasklet fingerprintTasklet, ObjectProvider<RunProgress> progress) {
        return new StepBuilder("fingerprintInputsStep", jobRepository)
                .tasklet(fingerprintTasklet, transactionManager)
                .listener(progressOf(progress))
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step ingestRecordsStep(RecordFilesReader recordFilesReader, StagingWriter stagingWriter,
                           ObjectProvider<RunProgress> progress) {
        var promotion = new ExecutionContextPromotionListener();
        promotion.setKeys(new String[] {StagingWriter.ACCEPTED_COUNT, StagingWriter.REJECTED_COUNT,
                RecordFilesReader.DIGESTS});
        return new StepBuilder(INGEST_STEP, jobRepository)
                .<PreparedRecord, PreparedRecord>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(new ScopedReader<>(recordFilesReader))
                .writer(stagingWriter)
                .listener(promotion)
                .listener(progressOf(progress))
                .build();
    }

    @Bean
    Step reconcileRecordsStep(ReconcileTasklet reconcileTasklet, ObjectProvider<RunProgress> progress) {
        return new StepBuilder("reconcileRecordsStep", jobRepository)
                .tasklet(reconcileTasklet, transactionManager).listener(progressOf(progress)).build();
    }

    /** One pass over the accepted records (figures, risks, changes, the workbook's rows), then the PDF. */
    @Bean
    Step composeBriefingStep(ComposeTasklet composeTasklet, ObjectProvider<RunProgress> progress) {
        return new StepBuilder(COMPOSE_STEP, jobRepository)
                .tasklet(composeTasklet, transactionManager).listener(progressOf(progress)).build();
    }

    /** Rejects, manifest and the atomic move into place, then the run history. */
    @Bean
    Step publishBriefingStep(PublishTasklet publishTasklet, ObjectProvider<RunProgress> progress) {
        return new StepBuilder(PUBLISH_STEP, jobRepository)
                .tasklet(publishTasklet, transactionManager).listener(progressOf(progress)).build();
    }

    // Step-scoped parts: each is made for one step execution, from the run's parameters.

    @Bean
    @StepScope
    FingerprintTasklet fingerprintTasklet(@Value("#{stepExecution}") StepExecution step) {
        return new FingerprintTasklet(parameters(step), properties.templatesDir());
    }

    @Bean
    @StepScope
    RecordFilesReader recordFilesReader(@Value("#{stepExecution}") StepExecution step) {
        BriefingParameters p = parameters(step);
        var intake = new IntakeProcessor(FxRates.load(InputFiles.fxRates(p.input())), p.filters());
        return new RecordFilesReader(InputFiles.initiativesDir(p.input()), workspace(step), intake, INTAKE_WORKERS);
    }

    @Bean
    @StepScope
    StagingWriter stagingWriter(@Value("#{stepExecution}") StepExecution step, ObjectProvider<RunProgress> progress) {
        return new StagingWriter(workspace(step), progress.getIfAvailable(() -> RunProgress.NONE));
    }

    @Bean
    @StepScope
    ReconcileTasklet reconcileTasklet(@Value("#{stepExecution}") StepExecution step) {
        return new ReconcileTasklet(workspace(step));
    }

    @Bean
    @StepScope
    ComposeTasklet composeTasklet(@Value("#{stepExecution}") StepExecution step, RunHistory history,
                                  ObjectProvider<BuildProperties> build, Renderers renderers,
                                  ObjectProvider<RunProgress> progress, ComposedOutputs composed) {
        return new ComposeTasklet(workspace(step), parameters(step), properties, history, version(build), renderers,
                progress.getIfAvailable(() -> RunProgress.NONE), jobRepository, composed);
    }

    @Bean
    @StepScope
    PublishTasklet publishTasklet(@Value("#{stepExecution}") StepExecution step, RunHistory history,
                                  ComposedOutputs composed) {
        return new PublishTasklet(workspace(step), parameters(step), properties, history, composed);
    }

    private static BriefingParameters parameters(StepExecution step) {
        return BriefingParameters.from(step.getJobExecution().getJobParameters());
    }

    private Workspace workspace(StepExecution step) {
        return Workspace.of(properties.dataDir(), step.getJobExecution().getJobInstance().getInstanceId());
    }

    static String version(ObjectProvider<BuildProperties> build) {
        BuildProperties b = build.getIfAvailable();
        if (b != null) {
            return b.getVersion();
        }
        String v = BriefingJobConfig.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
