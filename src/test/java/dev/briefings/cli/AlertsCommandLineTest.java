package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.TestFolders;

/**
 * The command line as cron runs it: a nightly run that fails tells the operations address (here through the
 * outbox, no mail server being set); a retired mail setting is a configuration error naming the new one.
 */
class AlertsCommandLineTest {

    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        System.clearProperty("briefings.alerts.to");
        System.clearProperty("briefings.delivery.smtp.host");
    }

    @Test
    void aFailedNightlyRunWritesOneAlert() throws Exception {
        Path input = TestFolders.copy(TestFolders.E2E_INPUT, tmp.resolve("input"));
        Path templates = TestFolders.copy(Path.of("templates"), tmp.resolve("templates"));
        Files.writeString(templates.resolve("default/briefing.html"), """
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:th="http://www.thymeleaf.org">
                <body><p th:text="${model.noSuchThing()}">x</p></body></html>
                """);
        System.setProperty("briefings.alerts.to", "ops@example.org");
        Path data = tmp.resolve("data");
        CliRun run = CliRun.of("run", "--input", input.toString(), "--templates", templates.toString(),
                "--data", data.toString(), "--output", tmp.resolve("out").toString(), "--as-of", "2025-10-31");
        assertThat(run.code()).as(run.toString()).isEqualTo(1);

        List<Path> alerts;
        try (Stream<Path> files = Files.list(data.resolve("alerts"))) {
            alerts = files.toList();
        }
        assertThat(alerts).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                .startsWith("2025-10-31-nightly-failed-").endsWith(".eml"));
        MimeMessage alert;
        try (InputStream in = Files.newInputStream(alerts.get(0))) {
            alert = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(alert.getSubject()).isEqualTo("[briefings] Nightly briefing 2025-10-31 FAILED in composeBriefingStep");
        assertThat(alert.getContent().toString())
                .contains("Run by:   the command line: ")
                .contains("Step:     composeBriefingStep")
                .contains("To resume: run the same command again");
        // The run's own outcome is reported as before.
        assertThat(run.err()).contains("Run the same command again to resume");
    }

    @Test
    void aRetiredMailPropertyIsAConfigurationErrorNamingTheNewOne() throws Exception {
        Path input = TestFolders.copy(TestFolders.E2E_INPUT, tmp.resolve("input"));
        System.setProperty("briefings.delivery.smtp.host", "smtp.example.org");
        CliRun run = CliRun.of("run", "--input", input.toString(), "--data", tmp.resolve("data").toString(),
                "--output", tmp.resolve("out").toString(), "--as-of", "2025-10-31");
        assertThat(run.code()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("briefings.delivery.smtp.host is no longer read: set spring.mail.host instead")
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(tmp.resolve("out")).doesNotExist();
    }
}
