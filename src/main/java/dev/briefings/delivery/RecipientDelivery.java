package dev.briefings.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.briefings.delivery.DeliveryLog.Status;

/**
 * Delivers the briefing to one recipient, at most once per distribution: the log entry is written before the
 * message leaves and updated after. A recipient already delivered is skipped; over SMTP, one whose entry still
 * says "sending" (the process died between sending and logging) is marked uncertain and not sent again. In the
 * outbox the message file itself shows whether it was written, whatever the log says.
 */
public final class RecipientDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(RecipientDelivery.class);

    public enum Result { DELIVERED, ALREADY_DELIVERED, FAILED, UNCERTAIN }

    private final Distribution distribution;
    private final DeliveryLog log;
    private final MailComposer composer;
    private final PasswordSource passwords;
    private final SmtpSender smtp;
    private final Session session;
    private final String from;

    /** @param smtp the mail server, or null for the outbox */
    public RecipientDelivery(Distribution distribution, DeliveryLog log, MailComposer composer, PasswordSource passwords,
                             SmtpSender smtp, String from) {
        this.distribution = distribution;
        this.log = log;
        this.composer = composer;
        this.passwords = passwords;
        this.smtp = smtp;
        this.session = smtp != null ? smtp.session() : Session.getInstance(new java.util.Properties());
        this.from = from;
    }

    public Result deliver(Recipient recipient) {
        String key = distribution.key();
        Optional<DeliveryLog.Entry> before = log.find(key, recipient.id());
        Status status = before.map(DeliveryLog.Entry::status).orElse(null);
        if (status == Status.DELIVERED) {
            return Result.ALREADY_DELIVERED;
        }
        // Only the outbox can tell afterwards whether a message went out; a send by mail cannot be checked.
        boolean checkable = smtp == null && before.map(b -> "outbox".equals(b.channel())).orElse(true);
        if (status == Status.UNCERTAIN && !checkable) {
            return Result.UNCERTAIN;
        }
        if (status == Status.SENDING && !checkable) {
            log.finished(key, recipient.id(), Status.UNCERTAIN, before.get().attempts(),
                    "the process stopped while this message was being sent; it was not sent again: "
                            + "ask the recipient whether it arrived, then delete this entry to resend");
            return Result.UNCERTAIN;
        }
        String messageId = "<" + key.replaceAll("[^A-Za-z0-9.-]", ".") + "." + recipient.id() + "@briefings.local>";
        char[] password = null;
        try {
            if (smtp == null) {
                Result settled = settleFromOutbox(recipient, messageId, before);
                if (settled != null) {
                    return settled;
                }
            }
            Path edition = distribution.editionOf().get(recipient.interests());
            if (edition == null || !Files.isRegularFile(edition.resolve("briefing.pdf"))) {
                log.failedBeforeSending(key, recipient.id(), distribution.channel(),
                        "no briefing could be made for this recipient's interests " + describe(recipient.interests()));
                return Result.FAILED;
            }
            if (recipient.protect()) {
                password = passwords.passwordFor(recipient.id()).orElse(null);
                if (password == null) {
                    log.failedBeforeSending(key, recipient.id(), distribution.channel(),
                            "protect is true but no password is configured for this recipient");
                    return Result.FAILED;
                }
            }
            String name = "critical-minerals-briefing-" + distribution.asOf();
            Path copy = distribution.copies().resolve(recipient.id()).resolve(name + ".pdf");
            Files.createDirectories(copy.getParent());
            var made = PersonalisedCopies.personalise(edition.resolve("briefing.pdf"), recipient, distribution.asOf(),
                    password, copy);
            List<Attachment> attachments = new ArrayList<>();
            attachments.add(new Attachment(made.file(), name + ".pdf", "application/pdf"));
            if (recipient.formats().contains(Recipient.Format.XLSX)) {
                attachments.add(new Attachment(edition.resolve("briefing.xlsx"), name + ".xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            }
            var content = composer.compose(recipient, distribution.models().get(edition),
                    edition.getFileName().toString());
            MimeMessage message = MailMessages.build(session, from, recipient, content, attachments, messageId);

            // Committed (and, with the database's WRITE_DELAY=0, in the file) before the message leaves.
            log.sending(key, recipient.id(), distribution.channel(), messageId, edition.toString(),
                    distribution.masterDigest(edition), made.sha256());
            if (smtp == null) {
                MailMessages.writeEml(message, distribution.outbox(), recipient.id());
                log.finished(key, recipient.id(), Status.DELIVERED, 1, null);
                return Result.DELIVERED;
            }
            SendOutcome outcome = smtp.send(message);
            if (outcome instanceof SendOutcome.Delivered d) {
                log.finished(key, recipient.id(), Status.DELIVERED, d.attempts(), null);
                return Result.DELIVERED;
            }
            var failed = (SendOutcome.Failed) outcome;
            log.finished(key, recipient.id(), Status.FAILED, failed.attempts(),
                    (failed.permanent() ? "permanent failure: " : "gave up after " + failed.attempts() + " attempts: ")
                            + failed.serverReply());
            return Result.FAILED;
        } catch (Exception e) {
            // One recipient's problem never stops the others: it is logged with the reason and the run goes on.
            LOG.warn("delivery to {} failed: {}", recipient.id(), e.toString());
            boolean sending = log.find(key, recipient.id()).map(en -> en.status() == Status.SENDING).orElse(false);
            if (sending && (smtp != null || Files.exists(distribution.outbox().resolve(recipient.id() + ".eml")))) {
                // It may have left before the failure: never risk a second copy (an outbox file is checked next run).
                log.finished(key, recipient.id(), Status.UNCERTAIN, 1, e.toString());
                return Result.UNCERTAIN;
            }
            // Nothing left: a later run tries again.
            log.failedBeforeSending(key, recipient.id(), distribution.channel(), e.toString());
            return Result.FAILED;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /**
     * In the outbox the file itself says whether the message was written (it appears whole, under its name, or
     * not at all): a message there that the log does not show as delivered was written by a run that died before
     * logging it. It is recorded as delivered and left untouched, never written again. Answers null when the
     * message still has to be written.
     */
    private Result settleFromOutbox(Recipient recipient, String messageId, Optional<DeliveryLog.Entry> before)
            throws IOException {
        String key = distribution.key();
        Path eml = MailMessages.emlPath(distribution.outbox(), recipient.id());
        // Only a run killed while writing this recipient's message leaves its temporary file.
        Files.deleteIfExists(MailMessages.tempPath(distribution.outbox(), recipient.id()));
        if (!Files.exists(eml)) {
            return null;
        }
        MailMessages.Stored stored;
        try {
            stored = MailMessages.inspect(eml);
        } catch (IOException e) {
            log.failedBeforeSending(key, recipient.id(), distribution.channel(), e.getMessage()
                    + "; it was not overwritten: move it away and run the delivery again");
            return Result.FAILED;
        }
        if (!messageId.equals(stored.messageId())) {
            log.failedBeforeSending(key, recipient.id(), distribution.channel(), "the outbox already holds " + eml
                    + " with another Message-ID (" + stored.messageId() + ", expected " + messageId
                    + "); it was not overwritten: move it away and run the delivery again");
            return Result.FAILED;
        }
        var logged = before.filter(b -> b.status() == Status.SENDING);
        Path edition = distribution.editionOf().get(recipient.interests());
        String editionFolder = logged.map(DeliveryLog.Entry::editionFolder)
                .orElse(edition == null ? "" : edition.toString());
        String master = logged.map(DeliveryLog.Entry::masterSha256)
                .orElse(edition == null ? "" : distribution.masterDigest(edition));
        log.recognised(key, recipient.id(), messageId, editionFolder, master, stored.pdfSha256());
        LOG.info("{} was already in the outbox (the run that wrote it stopped before logging it): not written again", eml);
        return Result.ALREADY_DELIVERED;
    }

    private static String describe(Interests i) {
        return "(parties " + i.parties() + ", stages " + i.stages() + ", kinds " + i.kinds() + ", minerals " + i.minerals() + ")";
    }
}
