package dev.briefings.delivery;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Builds the e-mail for one recipient, writes it to the outbox as an {@code .eml} file, and reads it back. */
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
     * Writes {@code message} (RFC 5322) to {@code <outboxDir>/<recipientId>.eml}, which must not exist yet: the
     * message goes to a temporary file first, which is then linked to its name (an exclusive create, so the outbox
     * never holds half a message and never has one overwritten), then removed.
     *
     * @throws UncheckedIOException wrapping a {@link FileAlreadyExistsException} when the outbox already holds a
     *                              message for this recipient (it is left as it is)
     */
    public static Path writeEml(MimeMessage message, Path outboxDir, String recipientId) {
        Path target = emlPath(outboxDir, recipientId);
        Path temp = tempPath(outboxDir, recipientId);
        try {
            Files.createDirectories(outboxDir);
            // A fixed name, truncated here: what a killed run left of this recipient's message is overwritten.
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))) {
                message.writeTo(out);
            }
            createExclusively(temp, target);
            Files.delete(temp);
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

    /** Where the message for {@code recipientId} goes in {@code outboxDir}. */
    public static Path emlPath(Path outboxDir, String recipientId) {
        if (recipientId == null || !recipientId.matches("[A-Za-z0-9._-]+") || recipientId.startsWith(".")) {
            throw new IllegalArgumentException("Recipient id is not usable as a file name: " + recipientId);
        }
        return outboxDir.resolve(recipientId + ".eml");
    }

    /** The hidden file a message is written to before it gets its name; only a killed run leaves it behind. */
    static Path tempPath(Path outboxDir, String recipientId) {
        return outboxDir.resolve("." + emlPath(outboxDir, recipientId).getFileName() + ".tmp");
    }

    /** What an {@code .eml} file in the outbox holds: its Message-ID and the SHA-256 of its first PDF attachment. */
    public record Stored(String messageId, String pdfSha256) {
    }

    /** Reads back a message written by {@link #writeEml}. */
    public static Stored inspect(Path eml) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(eml))) {
            var message = new MimeMessage(Session.getInstance(new Properties()), in);
            return new Stored(message.getMessageID(), pdfSha256(message));
        } catch (MessagingException e) {
            throw new IOException(eml + " is not a readable e-mail message: " + e.getMessage(), e);
        }
    }

    private static String pdfSha256(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            var multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = pdfSha256(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!part.isMimeType("application/pdf")) {
            return null;
        }
        try (InputStream in = part.getInputStream()) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * A hard link fails if the name exists, atomically; where the file system has no hard links, a move that
     * refuses an existing target does nearly as well (only a concurrent writer could slip in between).
     */
    private static void createExclusively(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.move(temp, target);
        }
    }

    /** Removes the temporary file after a failure; a failure to remove it is added to the original one. */
    private static void deleteQuietly(Path temp, Exception original) {
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
