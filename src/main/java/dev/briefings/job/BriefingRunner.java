package dev.briefings.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import dev.briefings.BriefingsProperties;
import dev.briefings.database.PrivateFiles;

/**
 * Starts a briefing, or resumes it: the job repository decides. The same as-of date, edition, filters and template
 * name one briefing. A completed one is not redone unless forced (then the next revision runs); a failed or killed
 * one restarts where it stopped. A lock file per briefing, and a row lock in the shared database (for processes on
 * other hosts), tell a killed run (locks free) from a running one.
 */
@Component
public class BriefingRunner {

    /** The Spring Batch job every briefing runs as. */
    public static final String JOB_NAME = BriefingJobConfig.JOB_NAME;
    private static final Logger LOG = LoggerFactory.getLogger(BriefingRunner.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job briefingJob;
    private final BriefingsProperties properties;
    private final DataSource dataSource;

    BriefingRunner(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("briefingJob") Job briefingJob,
                   BriefingsProperties properties, DataSource dataSource) {
        this.dataSource = dataSource;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.briefingJob = briefingJob;
        this.properties = properties;
    }

    /** What came of a request to run a briefing. */
    public sealed interface Outcome {
        BriefingParameters parameters();

        record Completed(BriefingParameters parameters, Path runFolder, JobExecution execution, boolean resumed)
                implements Outcome {
        }

        record AlreadyDone(BriefingParameters parameters, Path runFolder) implements Outcome {
        }

        record AlreadyRunning(BriefingParameters parameters) implements Outcome {
        }

        record Failed(BriefingParameters parameters, JobExecution execution, List<Throwable> causes) implements Outcome {
            /**
             * Whether it failed before the last step, the only one that writes to the output folder: whatever it
             * could not write was in the data folder (the database, the work folder).
             */
            public boolean beforePublishing() {
                return execution.getStepExecutions().stream().noneMatch(s -> s.getStepName()
                        .equals(BriefingJobConfig.PUBLISH_STEP));
            }
        }
    }

    /**
     * Which revision to run: the latest one again (resume), a new one (forced, or the last was abandoned), or none
     * because the latest completed ({@code done} is then its execution).
     */
    private record Plan(BriefingParameters latest, JobExecution last, BriefingParameters toRun, boolean resumed,
                        JobExecution done) {
    }

    private Plan plan(BriefingParameters requested, boolean force) {
        BriefingParameters latest = latestRevision(requested);
        JobExecution last = latest == null ? null : jobRepository.getLastJobExecution(BriefingJobConfig.JOB_NAME, latest.toJobParameters());
        if (last == null) {
            return new Plan(latest, null, latest == null ? requested.withRevision(1) : latest, false, null);
        }
        if (last.getStatus() == BatchStatus.COMPLETED && !force) {
            return new Plan(latest, last, latest, false, last);
        }
        if (force || last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
            return new Plan(latest, last, latest.withRevision(latest.revision() + 1), false, null);
        }
        return new Plan(latest, last, latest, true, null);
    }

    public Outcome run(BriefingParameters requested, boolean force) throws Exception {
        Plan plan = plan(requested, force);
        if (plan.done() != null) {
            return new Outcome.AlreadyDone(plan.latest(), runFolderOf(plan.done(), plan.latest()));
        }
        BriefingParameters latest = plan.latest();
        JobExecution last = plan.last();
        BriefingParameters toRun = plan.toRun();
        boolean resumed = plan.resumed();
        try (FileLock lock = lock(toRun);
             DatabaseLock shared = lock == null ? null : DatabaseLock.tryAcquire(dataSource, toRun.asOf() + "/" + toRun.edition())) {
            if (lock == null || shared == null) {
                return new Outcome.AlreadyRunning(toRun);
            }
            if (last != null && toRun == latest) {
                // Read again under the locks: another process may have finished it since we looked.
                JobExecution current = jobRepository.getLastJobExecution(BriefingJobConfig.JOB_NAME, toRun.toJobParameters());
                if (current != null && current.getStatus() == BatchStatus.COMPLETED) {
                    return new Outcome.AlreadyDone(toRun, runFolderOf(current, toRun));
                }
                if (current != null && current.isRunning()) {
                    // Nobody holds either lock, so the process that ran it is gone: mark it failed so it can restart.
                    jobOperator.recover(current);
                }
            }
            JobExecution execution;
            try {
                execution = jobOperator.start(briefingJob, toRun.toJobParameters());
            } catch (JobInstanceAlreadyCompleteException | JobExecutionAlreadyRunningException
                     | DataIntegrityViolationException | ConcurrencyFailureException | IllegalStateException e) {
                // Another process created this job instance after we looked (the repository's unique key on the
                // instance let only one of us in): it runs or ran it, not us.
                Outcome elsewhere = startedElsewhere(toRun);
                if (elsewhere == null) {
                    throw e;
                }
                LOG.info("The briefing {} / {} (revision {}) was started by another process: {}",
                        toRun.asOf(), toRun.edition(), toRun.revision(), e.getMessage());
                return elsewhere;
            }
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                return new Outcome.Completed(toRun, runFolderOf(execution, toRun), execution, resumed);
            }
            return new Outcome.Failed(toRun, execution, execution.getAllFailureExceptions());
        }
    }

    /** What came of a request to start a briefing in the background. */
    public sealed interface Start {
        BriefingParameters parameters();

        /** Created (its id is known) and handed to the executor; it may still wait there for a thread. */
        record Started(BriefingParameters parameters, JobExecution execution, boolean resumed) implements Start {
        }

        record AlreadyDone(BriefingParameters parameters, JobExecution execution) implements Start {
        }

        record AlreadyRunning(BriefingParameters parameters) implements Start {
        }
    }

    /**
     * Like {@link #run} without force, but returns as soon as the job execution exists: the run itself happens on
     * {@code executor}, which holds this briefing's locks (file and database) until the run ends. {@code labels} become non-identifying
     * job parameters (e.g. who started it), so they never change which briefing this is.
     */
    public Start start(BriefingParameters requested, Map<String, String> labels, Executor executor) throws Exception {
        Plan plan = plan(requested, false);
        if (plan.done() != null) {
            return new Start.AlreadyDone(plan.latest(), plan.done());
        }
        BriefingParameters toRun = plan.toRun();
        FileLock lock = lock(toRun);
        DatabaseLock shared = lock == null ? null : DatabaseLock.tryAcquire(dataSource, toRun.asOf() + "/" + toRun.edition());
        if (lock == null || shared == null) {
            release(lock, null);
            return new Start.AlreadyRunning(toRun);
        }
        try {
            if (plan.last() != null && toRun == plan.latest() && plan.last().isRunning()) {
                // Nobody holds either lock, so the process that ran it is gone: mark it failed so it can restart.
                jobOperator.recover(plan.last());
            }
            var builder = new JobParametersBuilder(toRun.toJobParameters());
            labels.forEach((k, v) -> builder.addString(k, v, false));
            // An operator of its own for this one run: the application's operator runs jobs in the calling thread,
            // this one hands the run to the executor, which lets go of the locks when the run ends.
            var operator = new TaskExecutorJobOperator();
            operator.setJobRepository(jobRepository);
            operator.setJobRegistry(new MapJobRegistry()); // required, though start(Job, ...) never looks a job up
            operator.setTaskExecutor(task -> executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    release(lock, shared);
                }
            }));
            operator.afterPropertiesSet();
            return new Start.Started(toRun, operator.start(briefingJob, builder.toJobParameters()), plan.resumed());
        } catch (Exception | Error e) {
            release(lock, shared);
            throw e;
        }
    }

    /**
     * Asks a running briefing to stop (Spring Batch's {@code JobOperator.stop}: the execution becomes STOPPING; the
     * step that runs ends STOPPED at its next chunk or, in the compose step, within a second; nothing is published
     * and the run can be restarted). False when it is not running (any more).
     */
    public boolean stop(JobExecution execution) {
        // Not the application's operator: its job registry knows this job, and then JobOperator.stop also calls
        // Step.stop from this thread under the step's scope and releases that scope afterwards, which closes the
        // running step's reader and writer under it (the run then fails instead of stopping). Without the job in
        // its registry the operator only marks the execution STOPPING, which the steps check for themselves.
        var operator = new TaskExecutorJobOperator();
        operator.setJobRepository(jobRepository);
        operator.setJobRegistry(new MapJobRegistry());
        try {
            operator.afterPropertiesSet();
            return operator.stop(execution);
        } catch (JobExecutionNotRunningException e) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the briefing run " + execution.getId(), e);
        }
    }

    /** Where a run wrote (or will write) its briefing. */
    public Path runFolder(JobExecution execution) {
        return runFolderOf(execution, BriefingParameters.from(execution.getJobParameters()));
    }

    /** Lets go of both locks of a run started in the background (either may be null). */
    private static void release(FileLock lock, DatabaseLock shared) {
        try (DatabaseLock db = shared) {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot release the database lock of a briefing", e);
        }
    }

    /** What another process made of this briefing since we looked, or null when the repository has no trace of it. */
    private Outcome startedElsewhere(BriefingParameters p) {
        JobInstance instance = jobRepository.getJobInstance(BriefingJobConfig.JOB_NAME, p.toJobParameters());
        if (instance == null) {
            return null;
        }
        JobExecution last = jobRepository.getLastJobExecution(instance);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            return new Outcome.AlreadyDone(p, runFolderOf(last, p));
        }
        // Created but not finished (or its execution not yet written): the other process owns it.
        return new Outcome.AlreadyRunning(p);
    }

    /** The highest revision of this briefing that was ever started, or null. */
    private BriefingParameters latestRevision(BriefingParameters requested) {
        BriefingParameters found = null;
        for (long revision = 1; ; revision++) {
            BriefingParameters candidate = requested.withRevision(revision);
            JobInstance instance = jobRepository.getJobInstance(BriefingJobConfig.JOB_NAME, candidate.toJobParameters());
            if (instance == null) {
                return found;
            }
            found = candidate;
        }
    }

    private Path runFolderOf(JobExecution execution, BriefingParameters parameters) {
        String folder = execution.getExecutionContext().containsKey(PublishTasklet.RUN_FOLDER)
                ? execution.getExecutionContext().getString(PublishTasklet.RUN_FOLDER) : null;
        return folder != null ? Path.of(folder) : parameters.runFolder(properties.outputDir()).toAbsolutePath().normalize();
    }

    /** An exclusive lock on this briefing for the life of the run, or null when another process holds it. */
    private FileLock lock(BriefingParameters p) throws IOException {
        Path dir = PrivateFiles.createFolder(properties.dataDir().resolve("locks"));
        Path file = dir.resolve(p.asOf() + "_" + p.edition() + ".lock");
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PrivateFiles.fileAttributes(dir));
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null; // this very process runs it
            }
            if (lock == null) {
                channel.close();
            }
            return lock == null ? null : new ClosingLock(lock, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Releasing the lock also closes its channel. */
    private static final class ClosingLock extends FileLock {
        private final FileLock lock;
        private final FileChannel channel;

        ClosingLock(FileLock lock, FileChannel channel) {
            super(channel, lock.position(), lock.size(), lock.isShared());
            this.lock = lock;
            this.channel = channel;
        }

        @Override
        public boolean isValid() {
            return lock.isValid();
        }

        @Override
        public void release() throws IOException {
            try {
                lock.release();
            } finally {
                try {
                    channel.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
