package dev.briefings.schedule;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

import dev.briefings.BriefingsProperties;
import dev.briefings.alerts.Alerts;
import dev.briefings.compose.Preflight;
import dev.briefings.delivery.DeliveryRunner;
import dev.briefings.filters.Filters;
import dev.briefings.job.BriefingParameters;
import dev.briefings.job.BriefingRunner;
import dev.briefings.retention.Retention;

/**
 * Runs the nightly briefing at the configured cron time and zone, and on start catches up a missed night.
 * Several instances may share one job repository: the briefing's identity (as-of, nightly, template, revision 1)
 * is a job instance, and the repository lets only one process create and run it; the others get AlreadyDone or
 * AlreadyRunning and do nothing.
 */
@Component
@Lazy(false)
@ConditionalOnBooleanProperty("briefings.schedule.enabled")
public class NightlySchedule implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(NightlySchedule.class);

    private final BriefingRunner briefings;
    private final ObjectProvider<DeliveryRunner> deliveries;
    private final ObjectProvider<Retention> retention;
    private final ScheduleProperties schedule;
    private final BriefingsProperties properties;
    private final Clock clock;
    private final Alerts alerts;
    private final CronExpression cron;
    private final CompletableFuture<Optional<NightlyRun>> catchUp = new CompletableFuture<>();
    private volatile ThreadPoolTaskScheduler scheduler;

    NightlySchedule(BriefingRunner briefings, ObjectProvider<DeliveryRunner> deliveries,
                    ObjectProvider<Retention> retention, ScheduleProperties schedule, BriefingsProperties properties,
                    Clock clock, Alerts alerts) {
        this.alerts = alerts;
        this.briefings = briefings;
        this.deliveries = deliveries;
        this.retention = retention;
        this.schedule = schedule;
        this.properties = properties;
        this.clock = clock;
        this.cron = CronExpression.parse(schedule.cron()); // a bad expression stops start-up, with its reason
    }

    /**
     * What one trigger did.
     *
     * @param scheduledFor the cron time this run stands for; its date in the zone is the as-of date
     * @param outcome      Completed when this process wrote it; AlreadyDone or AlreadyRunning when another did
     * @param delivery     the distribution, when on and this process wrote the briefing; otherwise null
     */
    public record NightlyRun(ZonedDateTime scheduledFor, BriefingRunner.Outcome outcome, DeliveryRunner.Report delivery) {
    }

    /** Runs the nightly briefing for the latest scheduled time at or before now (by the clock). */
    public Optional<NightlyRun> runNightly() throws Exception {
        return runNightly(false);
    }

    /**
     * As {@link #runNightly()}, and tells the operations address when it failed; at the catch-up, also when the
     * night had no briefing before it (one message, which says how the catch-up went).
     */
    private Optional<NightlyRun> runNightly(boolean catchingUp) throws Exception {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(schedule.zone()));
        // A scheduler may fire a moment early; a second's grace keeps that firing on its own night.
        Optional<ZonedDateTime> due = CronTimes.latestAtOrBefore(cron, now.plusSeconds(1), schedule.zone());
        if (due.isEmpty()) {
            LOG.warn("No scheduled time of '{}' in the past year; nothing to run", schedule.cron());
            return Optional.empty();
        }
        ZonedDateTime at = due.get().withZoneSameInstant(schedule.zone());
        String occasion = (catchingUp ? "the catch-up at the server's start, for the night scheduled " : "the schedule, ")
                + at + " ('" + schedule.cron() + "')";
        NightlyRun run;
        try {
            run = runFor(at);
        } catch (Exception e) {
            alerts.nightlyNotRun(at.toLocalDate(), e, occasion, resume(at));
            throw e;
        }
        BriefingRunner.Outcome outcome = run.outcome();
        if (catchingUp && (outcome instanceof BriefingRunner.Outcome.Completed
                || outcome instanceof BriefingRunner.Outcome.Failed)) {
            alerts.nightlyMissed(at, outcome, resume(at));
        } else if (outcome instanceof BriefingRunner.Outcome.Failed failed) {
            alerts.nightlyFailed(failed, occasion, resume(at));
        }
        return Optional.of(run);
    }

    private String resume(ZonedDateTime at) {
        return "the next start of the server (its catch-up) or the next scheduled night resumes it at the step "
                + "where it stopped; to resume now, an admin restarts the run on its page (or POST "
                + "/api/briefings/{id}/restart), or run: briefings run --as-of " + at.toLocalDate() + " --input "
                + schedule.input().toAbsolutePath().normalize() + " --template " + schedule.template();
    }

    /** Runs the nightly briefing whose as-of date is the date of {@code scheduledFor} in the configured zone. */
    public NightlyRun runFor(ZonedDateTime scheduledFor) throws Exception {
        ZonedDateTime at = scheduledFor.withZoneSameInstant(schedule.zone());
        Path input = schedule.input().toAbsolutePath().normalize();
        Path templates = properties.templatesDir().toAbsolutePath().normalize();
        Preflight.check(input, templates, schedule.template(), null);
        var parameters = new BriefingParameters(at.toLocalDate(), BriefingParameters.NIGHTLY,
                Filters.NONE, schedule.template(), 1, input, null);
        BriefingRunner.Outcome outcome = briefings.run(parameters, false);
        String what = "nightly briefing " + parameters.asOf() + " (scheduled " + at + ")";
        DeliveryRunner.Report delivery = null;
        if (outcome instanceof BriefingRunner.Outcome.Completed c) {
            LOG.info("Wrote the {} to {}", what, c.runFolder());
            // Only the process that wrote it distributes, so two instances never deliver at once.
            if (schedule.distribute()) {
                delivery = deliveries.getObject().distribute(c.runFolder(), input, schedule.template());
                LOG.info("Distributed the {}: {} delivered, {} failed, {} uncertain, {} rejected", what,
                        delivery.delivered(), delivery.failed(), delivery.uncertain(), delivery.rejected().size());
            }
            Retention expiry = retention.getIfAvailable();
            if (expiry != null && expiry.configured()) {
                LOG.info("Retention after the {}: {} briefing(s) removed", what, expiry.apply().size());
            }
        } else if (outcome instanceof BriefingRunner.Outcome.AlreadyDone d) {
            LOG.info("The {} was already written to {}", what, d.runFolder());
        } else if (outcome instanceof BriefingRunner.Outcome.AlreadyRunning) {
            LOG.info("The {} is being run by another process", what);
        } else if (outcome instanceof BriefingRunner.Outcome.Failed f) {
            LOG.error("The {} failed ({}); the next start or night resumes it: {}", what, f.execution().getStatus(),
                    f.causes());
        }
        return new NightlyRun(at, outcome, delivery);
    }

    /** The result of the catch-up run at start: empty when catch-up is off or there was no scheduled time yet. */
    public CompletableFuture<Optional<NightlyRun>> catchUp() {
        return catchUp;
    }

    @Override
    public void start() {
        ThreadPoolTaskScheduler s = new ThreadPoolTaskScheduler();
        // One thread: a catch-up and a nightly firing in this process run one after the other.
        s.setPoolSize(1);
        s.setThreadNamePrefix("nightly-");
        s.setClock(clock);
        s.initialize();
        scheduler = s;
        if (schedule.catchUp()) {
            s.execute(() -> {
                try {
                    catchUp.complete(runNightly(true));
                } catch (Exception | Error e) {
                    LOG.error("The catch-up of the nightly briefing failed", e);
                    catchUp.completeExceptionally(e);
                }
            });
        } else {
            catchUp.complete(Optional.empty());
        }
        s.schedule(this::fire, new CronTrigger(schedule.cron(), schedule.zone()));
        LOG.info("Nightly briefing scheduled at '{}' ({}), catch-up {}, distribute {}", schedule.cron(),
                schedule.zone(), schedule.catchUp() ? "on" : "off", schedule.distribute() ? "on" : "off");
        LOG.info(alerts.describe());
    }

    private void fire() {
        try {
            runNightly();
        } catch (Exception e) {
            // Logged, not thrown: the schedule must go on to the next night.
            LOG.error("The nightly briefing could not be run", e);
        }
    }

    @Override
    public void stop() {
        ThreadPoolTaskScheduler s = scheduler;
        if (s != null) {
            // A run cut short is resumed by the next catch-up or night (the job restarts where it stopped).
            s.shutdown();
            scheduler = null;
        }
        catchUp.complete(Optional.empty());
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
