package dev.briefings.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.briefings.MutableClock;
import dev.briefings.TestFolders;
import dev.briefings.job.BriefingRunner;
import dev.briefings.publish.Manifest;

/**
 * The schedule with a clock the test sets. Cron 02:30 every day: in Tokyo, 2025-10-30T17:30:05Z is
 * 2025-10-31 02:30:05, so that firing's as-of date is 2025-10-31 (not the UTC date, 2025-10-30).
 */
class NightlyScheduleTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 10, 31);

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path tmp;
    Path input;
    Path data;
    Path output;
    Path database;

    @BeforeEach
    void setUp() throws Exception {
        input = ScheduledApp.copyInput(tmp.resolve("input"));
        data = tmp.resolve("data");
        output = tmp.resolve("output");
        database = tmp.resolve("db").resolve("shared");
    }

    /**
     * With one data folder (two instances on one host) the lock file and the repository both stand in the way;
     * with two (two hosts sharing the database) only the repository's unique job instance does.
     */
    @ParameterizedTest(name = "shared data folder: {0}")
    @ValueSource(booleans = {true, false})
    void twoInstancesFiringForTheSameNightWriteOneBriefing(boolean sharedDataFolder) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-10-30T17:30:05Z"));
        String[] schedule = {"briefings.schedule.zone=Asia/Tokyo", "briefings.schedule.catch-up=false"};
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (ConfigurableApplicationContext first = ScheduledApp.start(clock, database, data, output, input, schedule);
             ConfigurableApplicationContext second = ScheduledApp.start(clock, database,
                     sharedDataFolder ? data : tmp.resolve("data-b"), output, input, schedule)) {
            NightlySchedule a = first.getBean(NightlySchedule.class);
            NightlySchedule b = second.getBean(NightlySchedule.class);
            assertThat(a).isNotSameAs(b);
            CyclicBarrier together = new CyclicBarrier(2);
            Future<Optional<NightlySchedule.NightlyRun>> ranA = threads.submit(() -> {
                together.await();
                return a.runNightly();
            });
            Future<Optional<NightlySchedule.NightlyRun>> ranB = threads.submit(() -> {
                together.await();
                return b.runNightly();
            });
            NightlySchedule.NightlyRun runA = ranA.get(5, TimeUnit.MINUTES).orElseThrow();
            NightlySchedule.NightlyRun runB = ranB.get(5, TimeUnit.MINUTES).orElseThrow();

            assertThat(List.of(runA.scheduledFor(), runB.scheduledFor())).containsOnly(
                    ZonedDateTime.of(2025, 10, 31, 2, 30, 0, 0, ZoneId.of("Asia/Tokyo")));
            List<BriefingRunner.Outcome> outcomes = List.of(runA.outcome(), runB.outcome());
            assertThat(outcomes).filteredOn(o -> o instanceof BriefingRunner.Outcome.Completed).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof BriefingRunner.Outcome.AlreadyDone
                    || o instanceof BriefingRunner.Outcome.AlreadyRunning).hasSize(1);

            // Both contexts read the same repository: one instance, one execution, completed, for 2025-10-31.
            for (ConfigurableApplicationContext context : List.of(first, second)) {
                List<JobExecution> executions = ScheduledApp.briefingExecutions(context);
                assertThat(executions).hasSize(1);
                assertThat(executions.get(0).getStatus()).isEqualTo(BatchStatus.COMPLETED);
                assertThat(executions.get(0).getJobParameters().getLocalDate("asOf")).isEqualTo(AS_OF);
                assertThat(executions.get(0).getJobParameters().getString("edition")).isEqualTo("nightly");
            }
            assertThat(ScheduledApp.tree(output)).containsExactly("2025-10-31", "2025-10-31/nightly",
                    "2025-10-31/nightly/briefing.pdf", "2025-10-31/nightly/briefing.xlsx",
                    "2025-10-31/nightly/manifest.json", "2025-10-31/nightly/rejects.json");
            Manifest manifest = Manifest.read(output.resolve("2025-10-31/nightly/manifest.json"));
            assertThat(manifest.counts().read()).isEqualTo(15);

            // The same night fired again later (a second trigger, a late instance) runs nothing new.
            clock.set(Instant.parse("2025-10-31T09:00:00Z"));
            NightlySchedule.NightlyRun again = b.runNightly().orElseThrow();
            assertThat(again.outcome()).isInstanceOf(BriefingRunner.Outcome.AlreadyDone.class);
            assertThat(ScheduledApp.briefingExecutions(first)).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aMissedNightIsCaughtUpOnceOnStart() throws Exception {
        // 03:00 UTC on 1 November is 23:00 on 31 October in New York: the last 02:30 there was on the 31st.
        MutableClock clock = new MutableClock(Instant.parse("2025-11-01T03:00:00Z"));
        String[] schedule = {"briefings.schedule.zone=America/New_York", "briefings.alerts.to=ops@example.org",
                "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.getSmtp().getPort()};
        try (ConfigurableApplicationContext context = ScheduledApp.start(clock, database, data, output, input, schedule)) {
            NightlySchedule.NightlyRun caughtUp = context.getBean(NightlySchedule.class).catchUp()
                    .get(5, TimeUnit.MINUTES).orElseThrow();
            assertThat(caughtUp.scheduledFor()).isEqualTo(
                    ZonedDateTime.of(2025, 10, 31, 2, 30, 0, 0, ZoneId.of("America/New_York")));
            assertThat(caughtUp.outcome()).isInstanceOf(BriefingRunner.Outcome.Completed.class);
            assertThat(caughtUp.outcome().parameters().asOf()).isEqualTo(AS_OF);
            assertThat(ScheduledApp.briefingExecutions(context)).hasSize(1);
        }
        assertThat(Files.isRegularFile(output.resolve("2025-10-31/nightly/manifest.json"))).isTrue();
        // Missed, though caught up: the operations address is told, by the configured mail server.
        MimeMessage[] alerts = smtp.getReceivedMessages();
        assertThat(alerts).hasSize(1);
        assertThat(alerts[0].getAllRecipients()[0].toString()).isEqualTo("ops@example.org");
        assertThat(alerts[0].getSubject())
                .isEqualTo("[briefings] Nightly briefing 2025-10-31 was missed (written late by the catch-up)");
        assertThat(alerts[0].getContent().toString())
                .contains("scheduled for 2025-10-31T02:30-04:00[America/New_York], was missed")
                .contains("wrote it now, to " + output.toAbsolutePath().resolve("2025-10-31/nightly"));

        clock.set(Instant.parse("2025-11-01T05:00:00Z"));
        try (ConfigurableApplicationContext context = ScheduledApp.start(clock, database, data, output, input, schedule)) {
            NightlySchedule.NightlyRun again = context.getBean(NightlySchedule.class).catchUp()
                    .get(5, TimeUnit.MINUTES).orElseThrow();
            assertThat(again.outcome()).isInstanceOf(BriefingRunner.Outcome.AlreadyDone.class);
            List<JobExecution> executions = ScheduledApp.briefingExecutions(context);
            assertThat(executions).hasSize(1);
            assertThat(executions.get(0).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
        assertThat(smtp.getReceivedMessages()).as("nothing was missed the second time").hasSize(1);
        assertThat(ScheduledApp.tree(output)).containsExactly("2025-10-31", "2025-10-31/nightly",
                "2025-10-31/nightly/briefing.pdf", "2025-10-31/nightly/briefing.xlsx",
                "2025-10-31/nightly/manifest.json", "2025-10-31/nightly/rejects.json");
    }

    /**
     * A template that passes the checks before the run but fails when the PDF is rendered: the scheduled night
     * fails in its compose step (which renders), and one alert in the outbox (no mail server) says which night, where, why and how
     * to resume.
     */
    @Test
    void aFailedNightSendsOneAlertToTheOutbox() throws Exception {
        Path templates = TestFolders.copy(Path.of("templates"), tmp.resolve("templates"));
        Files.writeString(templates.resolve("default/briefing.html"), """
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:th="http://www.thymeleaf.org">
                <body><p th:text="${model.noSuchThing()}">x</p></body></html>
                """);
        MutableClock clock = new MutableClock(Instant.parse("2025-10-31T02:30:05Z"));
        String[] schedule = {"briefings.schedule.catch-up=false", "briefings.templates-dir=" + templates,
                "briefings.alerts.to=Operations <ops@example.org>", "briefings.alerts.from=night@example.org"};
        try (ConfigurableApplicationContext context = ScheduledApp.start(clock, database, data, output, input, schedule)) {
            NightlySchedule.NightlyRun run = context.getBean(NightlySchedule.class).runNightly().orElseThrow();
            assertThat(run.outcome()).isInstanceOf(BriefingRunner.Outcome.Failed.class);
        }
        List<String> alerts = ScheduledApp.tree(data.resolve("alerts"));
        assertThat(alerts).singleElement().asString().startsWith("2025-10-31-nightly-failed-").endsWith(".eml");
        MimeMessage alert;
        try (var in = Files.newInputStream(data.resolve("alerts").resolve(alerts.get(0)))) {
            alert = new MimeMessage(Session.getInstance(new java.util.Properties()), in);
        }
        assertThat(alert.getSubject()).isEqualTo("[briefings] Nightly briefing 2025-10-31 FAILED in composeBriefingStep");
        assertThat(alert.getFrom()[0].toString()).isEqualTo("night@example.org");
        assertThat(alert.getAllRecipients()[0].toString()).isEqualTo("Operations <ops@example.org>");
        assertThat(alert.getContent().toString())
                .contains("The nightly briefing as of 2025-10-31 failed. Nothing was published.")
                .contains("Run by:   the schedule, 2025-10-31T02:30Z[UTC]")
                .contains("Step:     composeBriefingStep")
                .contains("briefing.html")
                .contains("To resume: the next start of the server")
                .contains("briefings run --as-of 2025-10-31 --input " + input.toAbsolutePath());
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
