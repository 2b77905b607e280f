package dev.briefings.alerts;

import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Lazy;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import dev.briefings.BriefingsProperties;
import dev.briefings.delivery.DeliveryProperties;
import dev.briefings.delivery.MailChannel;
import dev.briefings.delivery.MailMessages;
import dev.briefings.delivery.SendOutcome;
import dev.briefings.delivery.SmtpSender;
import dev.briefings.intake.ConfigurationException;
import dev.briefings.job.BriefingParameters;
import dev.briefings.job.BriefingRunner;

/**
 * Tells the operations address when a nightly briefing failed or a night was missed, by the same way as the
 * briefings themselves: the SMTP server of {@code spring.mail.*}, or else {@code <data>/alerts/} as .eml files.
 * Sending an alert never throws: a failure to alert is logged, and the run's own outcome stands.
 */
@Component
@Lazy(false)
@EnableConfigurationProperties(AlertsProperties.class)
public class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final InternetAddress[] to;
    private final String from;
    private final MailChannel channel;
    private final Path outbox;
    private final Clock clock;

    Alerts(AlertsProperties properties, DeliveryProperties delivery, MailChannel channel, BriefingsProperties briefings,
           ObjectProvider<Clock> clock) {
        this.to = addresses(properties.to());
        this.from = properties.from() == null || properties.from().isBlank() ? delivery.from() : properties.from();
        this.channel = channel;
        this.outbox = briefings.dataDir().resolve("alerts");
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        if (to.length > 0) {
            try {
                new InternetAddress(from, true);
            } catch (AddressException e) {
                throw new ConfigurationException("the sender of alerts ('" + from + "', briefings.alerts.from or "
                        + "briefings.delivery.from) is not an e-mail address: " + e.getMessage(), e);
            }
        }
    }

    private static InternetAddress[] addresses(String to) {
        if (to == null || to.isBlank()) {
            return new InternetAddress[0];
        }
        try {
            return InternetAddress.parse(to, true);
        } catch (AddressException e) {
            throw new ConfigurationException("briefings.alerts.to='" + to + "' is not an e-mail address (or a "
                    + "comma-separated list of them): " + e.getMessage(), e);
        }
    }

    public boolean configured() {
        return to.length > 0;
    }

    /** One line for the log at start: where alerts go, or that there are none. */
    public String describe() {
        if (!configured()) {
            return "No failure alerts: briefings.alerts.to is not set (a failed or missed nightly briefing is only logged)";
        }
        return "Failure alerts go to " + InternetAddress.toString(to) + " through "
                + (channel.isSmtp() ? channel.describe() : "the outbox " + outbox.toAbsolutePath());
    }

    /**
     * A nightly briefing ran and failed.
     *
     * @param occasion what ran it, e.g. "the schedule (02:30 on 2025-10-31, Europe/London)"
     * @param resume   how to resume it, in words
     */
    public void nightlyFailed(BriefingRunner.Outcome.Failed failed, String occasion, String resume) {
        BriefingParameters p = failed.parameters();
        List<String> body = new ArrayList<>();
        body.add("The nightly briefing as of " + p.asOf() + " failed. Nothing was published.");
        body.add("");
        body.add("Run by:   " + occasion);
        describeFailure(failed, body);
        body.add("");
        body.add("To resume: " + resume);
        send("Nightly briefing " + p.asOf() + " FAILED" + failedStep(failed).map(s -> " in " + s).orElse(""),
                p.asOf() + "-nightly-failed", body);
    }

    /** A nightly briefing could not even be started (bad input, a missing template, the database). */
    public void nightlyNotRun(java.time.LocalDate asOf, Throwable reason, String occasion, String resume) {
        List<String> body = new ArrayList<>();
        body.add("The nightly briefing as of " + asOf + " could not be run. Nothing was published.");
        body.add("");
        body.add("Run by:   " + occasion);
        body.add("Reason:   " + message(reason));
        body.add("");
        body.add("To resume: " + resume);
        send("Nightly briefing " + asOf + " FAILED: it could not be run", asOf + "-nightly-failed", body);
    }

    /**
     * At start, the last scheduled night had no nightly briefing; the catch-up ran it, with this outcome (said
     * even when the catch-up succeeded: the briefing was late, and whoever waited for it should know).
     */
    public void nightlyMissed(ZonedDateTime scheduledFor, BriefingRunner.Outcome catchUp, String resume) {
        var asOf = catchUp.parameters().asOf();
        List<String> body = new ArrayList<>();
        body.add("The nightly briefing as of " + asOf + ", scheduled for " + scheduledFor + ", was missed: no "
                + "briefing had been written for that night when the server started.");
        body.add("");
        String subject;
        if (catchUp instanceof BriefingRunner.Outcome.Completed c) {
            body.add("The catch-up at start " + (c.resumed() ? "resumed the failed run and wrote it" : "wrote it")
                    + " now, to " + c.runFolder() + ".");
            subject = "Nightly briefing " + asOf + " was missed (written late by the catch-up)";
        } else if (catchUp instanceof BriefingRunner.Outcome.Failed f) {
            body.add("The catch-up at start ran it and it FAILED. Nothing was published.");
            describeFailure(f, body);
            body.add("");
            body.add("To resume: " + resume);
            subject = "Nightly briefing " + asOf + " was missed, and its catch-up FAILED"
                    + failedStep(f).map(s -> " in " + s).orElse("");
        } else {
            body.add("The catch-up at start: " + catchUp.getClass().getSimpleName() + ".");
            subject = "Nightly briefing " + asOf + " was missed";
        }
        send(subject, asOf + "-nightly-missed", body);
    }

    private static void describeFailure(BriefingRunner.Outcome.Failed failed, List<String> body) {
        BriefingParameters p = failed.parameters();
        body.add("Run:      job execution " + failed.execution().getId() + ", " + failed.execution().getStatus()
                + ", revision " + p.revision() + ", template " + p.template());
        body.add("Input:    " + p.input());
        body.add("Step:     " + failedStep(failed).orElse("(none: the job failed before or between its steps)"));
        List<Throwable> causes = failed.causes();
        if (causes.isEmpty()) {
            body.add("Reason:   not recorded (see the server's log)");
        }
        for (Throwable t : causes) {
            body.add("Reason:   " + message(t));
        }
    }

    private static java.util.Optional<String> failedStep(BriefingRunner.Outcome.Failed failed) {
        return failed.execution().getStepExecutions().stream()
                .filter(s -> s.getStatus().isUnsuccessful())
                .map(StepExecution::getStepName)
                .reduce((first, second) -> second);
    }

    /** The exception's message and, when it differs, its root cause's. */
    private static String message(Throwable t) {
        Throwable root = t;
        Set<Throwable> seen = new HashSet<>();
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        String text = t.getMessage() == null ? t.toString() : t.getMessage();
        if (root != t && root.getMessage() != null && !text.contains(root.getMessage())) {
            text += " (" + root.getMessage() + ")";
        }
        return text;
    }

    private void send(String subject, String name, List<String> lines) {
        if (!configured()) {
            return;
        }
        String text = String.join("\n", lines) + "\n";
        try {
            SmtpSender smtp = channel.sender();
            Session session = smtp == null ? Session.getInstance(new Properties()) : smtp.session();
            Instant now = clock.instant();
            String id = name + "-" + STAMP.format(now);
            MimeMessage message = message(session, "<alert." + id + "." + now.getNano() + "@briefings.local>",
                    "[briefings] " + subject, text, now);
            if (smtp == null) {
                Path written = writeExclusively(message, id);
                LOG.info("Alert '{}' written to {}", subject, written);
                return;
            }
            SendOutcome outcome = smtp.send(message);
            if (outcome instanceof SendOutcome.Delivered) {
                LOG.info("Alert '{}' sent to {}", subject, InternetAddress.toString(to));
            } else {
                LOG.error("The alert '{}' could not be sent to {}: {}", subject, InternetAddress.toString(to),
                        outcome.serverReply());
            }
        } catch (RuntimeException | MessagingException e) {
            // Never instead of the run's own outcome, which is logged and reported already.
            LOG.error("The alert '{}' could not be sent to {}: {}", subject, InternetAddress.toString(to), e.toString());
        }
    }

    private MimeMessage message(Session session, String messageId, String subject, String text, Instant now)
            throws MessagingException {
        var message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // A fixed id: Jakarta Mail would look up this host's name for one, which can hang on a bad resolver.
                setHeader("Message-ID", messageId);
            }
        };
        var helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(new InternetAddress(from, true));
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setSentDate(java.util.Date.from(now));
        helper.setText(text);
        message.saveChanges();
        return message;
    }

    /** A new file each time, never over an earlier alert (two in the same second get -2, -3...). */
    private Path writeExclusively(MimeMessage message, String id) {
        for (int n = 1; ; n++) {
            try {
                return MailMessages.writeEml(message, outbox, n == 1 ? id : id + "-" + n);
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof FileAlreadyExistsException) || n >= 100) {
                    throw e;
                }
            }
        }
    }
}
