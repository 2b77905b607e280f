package dev.briefings.job;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.core.instrument.MeterRegistry;

import dev.briefings.BriefingsProperties;
import dev.briefings.history.RunHistory;
import dev.briefings.intake.FxRates;
import dev.briefings.staging.StagedRecord;
import dev.briefings.staging.Workspace;

/** The briefing job: fingerprint the inputs, ingest, reconcile, compute figures, render and publish. */
@Configuration(proxyBeanMethods = false)
class BriefingJobConfig {

    static final String JOB_NAME = "briefingJob";
    static final int CHUNK_SIZE = 2000;

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
                    Step computeFiguresStep, Step renderBriefingStep, ObjectProvider<MeterRegistry> meters) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new BriefingParameters.Validator())
                .start(fingerprintInputsStep)
                .next(ingestRecordsStep)
                .next(reconcileRecordsStep)
                .next(computeFiguresStep)
                .next(renderBriefingStep)
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
    Step fingerprintInputsStep(FingerprintTasklet fingerprintTasklet) {
        return new StepBuilder("fingerprintInputsStep", jobRepository)
                .tasklet(fingerprintTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step ingestRecordsStep(RecordFilesReader recordFilesReader, IntakeProcessor intakeProcessor,
                           StagingWriter stagingWriter, ObjectProvider<RunProgress> progress) {
        var promotion = new ExecutionContextPromotionListener();
        promotion.setKeys(new String[] {StagingWriter.ACCEPTED_COUNT, StagingWriter.REJECTED_COUNT});
        RunProgress sink = progress.getIfAvailable(() -> RunProgress.NONE);
        return new StepBuilder("ingestRecordsStep", jobRepository)
                .<IndexedRecord, StagedRecord>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(recordFilesReader)
                .processor(intakeProcessor)
                .writer(stagingWriter)
                .listener(promotion)
                .listener(new ChunkListener<IndexedRecord, StagedRecord>() {
                    @Override
                    public void afterChunk(ChunkContext context) {
                        sink.recordsRead(context.getStepContext().getStepExecution().getReadCount());
                    }
                })
                .build();
    }

    @Bean
    Step reconcileRecordsStep(ReconcileTasklet reconcileTasklet) {
        return new StepBuilder("reconcileRecordsStep", jobRepository)
                .tasklet(reconcileTasklet, transactionManager).build();
    }

    @Bean
    Step computeFiguresStep(FiguresTasklet figuresTasklet) {
        return new StepBuilder("computeFiguresStep", jobRepository)
                .tasklet(figuresTasklet, transactionManager).build();
    }

    @Bean
    Step renderBriefingStep(RenderTasklet renderTasklet) {
        return new StepBuilder("renderBriefingStep", jobRepository)
                .tasklet(renderTasklet, transactionManager).build();
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
        return new RecordFilesReader(InputFiles.initiativesDir(parameters(step).input()), workspace(step));
    }

    @Bean
    @StepScope
    IntakeProcessor intakeProcessor(@Value("#{stepExecution}") StepExecution step) {
        BriefingParameters p = parameters(step);
        return new IntakeProcessor(FxRates.load(InputFiles.fxRates(p.input())), p.filters());
    }

    @Bean
    @StepScope
    StagingWriter stagingWriter(@Value("#{stepExecution}") StepExecution step) {
        return new StagingWriter(workspace(step));
    }

    @Bean
    @StepScope
    ReconcileTasklet reconcileTasklet(@Value("#{stepExecution}") StepExecution step) {
        return new ReconcileTasklet(workspace(step));
    }

    @Bean
    @StepScope
    FiguresTasklet figuresTasklet(@Value("#{stepExecution}") StepExecution step, RunHistory history,
                                  ObjectProvider<BuildProperties> build) {
        return new FiguresTasklet(workspace(step), parameters(step), properties, history, version(build));
    }

    @Bean
    @StepScope
    RenderTasklet renderTasklet(@Value("#{stepExecution}") StepExecution step, RunHistory history) {
        return new RenderTasklet(workspace(step), parameters(step), properties, history);
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
