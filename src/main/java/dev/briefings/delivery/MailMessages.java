package dev.briefings.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Builds the e-mail for one recipient and writes it to the outbox as an {@code .eml} file. */
public final class MailMessages {

    private MailMessages() {
    }

    /**
     * A multipart/mixed message: a multipart/alternative (text, then HTML) followed by the attachments.
     * Addressed to {@code to} alone (no Cc, no Bcc), so no recipient ever sees another's address.
     *
     * @param messageId the Message-ID, kept when the message is saved or sent (angle brackets added if missing),
     *                  so that a resend after a crash can be recognised by the receiving side
     */
    public static MimeMessage build(Session session, String from, Recipient to, Composed content,
                                    List<Attachment> attachments, String messageId) {
        try {
            var message = new FixedIdMessage(session, bracketed(messageId));
            var helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(from, true));
            helper.setTo(new InternetAddress(to.email(), to.name(), StandardCharsets.UTF_8.name()));
            helper.setSubject(content.subject());
            helper.setSentDate(Date.from(Instant.now()));
            helper.setText(content.text(), content.html());
            for (Attachment a : attachments) {
                if (!Files.isRegularFile(a.file())) {
                    throw new UncheckedIOException(new IOException("Attachment not found: " + a.file()));
                }
                helper.addAttachment(a.fileName(), new FileSystemResource(a.file()), a.contentType());
            }
            message.saveChanges();
            return message;
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("Cannot build the message for recipient " + to.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code message} (RFC 5322) to {@code <outboxDir>/<recipientId>.eml}, through a temporary file moved
     * into place, so the outbox never holds half a message.
     */
    public static Path writeEml(MimeMessage message, Path outboxDir, String recipientId) {
        if (recipientId == null || !recipientId.matches("[A-Za-z0-9._-]+") || recipientId.startsWith(".")) {
            throw new IllegalArgumentException("Recipient id is not usable as a file name: " + recipientId);
        }
        Path target = outboxDir.resolve(recipientId + ".eml");
        Path temp = null;
        try {
            Files.createDirectories(outboxDir);
            temp = Files.createTempFile(outboxDir, recipientId + ".", ".eml.tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                message.writeTo(out);
            }
            moveIntoPlace(temp, target);
            return target;
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw new UncheckedIOException("Cannot write " + target, e);
        } catch (MessagingException e) {
            var io = new IOException(e.getMessage(), e);
            deleteQuietly(temp, io);
            throw new UncheckedIOException("Cannot write " + target, io);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the temporary file after a failure; a failure to remove it is added to the original one. */
    private static void deleteQuietly(Path temp, Exception original) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            original.addSuppressed(e);
        }
    }

    private static String bracketed(String id) {
        if (id == null || id.isBlank() || id.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("Message-ID must be printable ASCII without spaces: " + id);
        }
        return id.startsWith("<") && id.endsWith(">") ? id : "<" + id + ">";
    }

    /** Keeps the given Message-ID: JavaMail would otherwise make up a new one on every save. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
