package dev.briefings.retention;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

import dev.briefings.history.RunHistory;
import dev.briefings.history.RunHistory.Published;
import dev.briefings.publish.RunFolder;

/**
 * Applies {@code briefings.retention.*}: removes expired briefings' run folders, their history rows and their
 * Spring Batch job instances. The delivery log is kept: it is the record of what was sent to whom.
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final RetentionProperties settings;
    private final RunHistory history;
    private final JobRepository jobs;

    public Retention(RetentionProperties settings, RunHistory history, JobRepository jobs) {
        this.settings = settings;
        this.history = history;
        this.jobs = jobs;
    }

    public boolean configured() {
        return settings.configured();
    }

    /** What retention would remove now, oldest first. */
    public List<Published> expired() {
        return new RetentionPolicy(settings).expired(history.published());
    }

    /** Removes what {@link #expired()} lists; returns what it removed. */
    public List<Published> apply() {
        List<Published> all = history.published();
        List<Published> expired = new RetentionPolicy(settings).expired(all);
        Set<Path> stillUsed = new HashSet<>();
        Set<Long> expiredIds = new HashSet<>();
        expired.forEach(p -> expiredIds.add(p.jobInstanceId()));
        for (Published p : all) {
            if (!expiredIds.contains(p.jobInstanceId())) {
                stillUsed.add(p.runFolder().toAbsolutePath().normalize());
            }
        }
        List<Published> removed = new ArrayList<>();
        for (Published p : expired) {
            JobInstance instance = jobs.getJobInstance(p.jobInstanceId());
            if (instance != null && running(instance)) {
                LOG.info("Retention keeps {} / {} for now: a run of it is in progress", p.asOf(), p.edition());
                continue;
            }
            Path folder = p.runFolder().toAbsolutePath().normalize();
            // A folder a kept briefing was republished into (a forced re-run) belongs to that briefing.
            if (!stillUsed.contains(folder)) {
                RunFolder.remove(folder);
                removeIfEmptyDateFolder(folder.getParent(), p);
            }
            history.forget(p.jobInstanceId());
            if (instance != null) {
                jobs.deleteJobInstance(instance);
            }
            removed.add(p);
            LOG.info("Retention removed the briefing {} / {} (revision {}) at {}", p.asOf(), p.edition(), p.revision(),
                    folder);
        }
        return List.copyOf(removed);
    }

    private boolean running(JobInstance instance) {
        for (JobExecution e : jobs.getJobExecutions(instance)) {
            if (e.isRunning()) {
                return true;
            }
        }
        return false;
    }

    /** The {@code <output>/<as-of>} folder of the default layout, once its last edition is gone. */
    private static void removeIfEmptyDateFolder(Path parent, Published p) {
        if (parent == null || !parent.getFileName().toString().equals(p.asOf().toString())) {
            return;
        }
        try (var entries = Files.list(parent)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(parent);
            }
        } catch (java.io.IOException e) {
            LOG.warn("Retention could not tidy the empty folder {}: {}", parent, e.getMessage());
        }
    }
}
