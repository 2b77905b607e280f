package dev.briefings.job;

import java.time.Duration;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Whether someone asked this run to stop. {@code JobOperator.stop} marks the job execution STOPPING in the
 * repository; a chunk-oriented step notices at its next chunk, but a tasklet that works for long in one call (the
 * compose step) has to ask. Reading the repository is not free, so it is read at most once per interval.
 */
final class StopRequests {

    static final Duration INTERVAL = Duration.ofMillis(250);

    private final JobRepository jobs;
    private final long executionId;
    private long nextCheck = System.nanoTime();
    private boolean requested;

    StopRequests(JobRepository jobs, long executionId) {
        this.jobs = jobs;
        this.executionId = executionId;
    }

    boolean requested() {
        if (requested) {
            return true;
        }
        long now = System.nanoTime();
        if (now - nextCheck < 0) {
            return false;
        }
        nextCheck = now + INTERVAL.toNanos();
        JobExecution current = jobs.getJobExecution(executionId);
        requested = current != null
                && (current.getStatus() == BatchStatus.STOPPING || current.getStatus() == BatchStatus.STOPPED);
        return requested;
    }
}
