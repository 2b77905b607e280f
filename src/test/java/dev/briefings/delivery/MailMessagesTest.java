package dev.briefings.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailMessagesTest {

    private final Session session = Session.getInstance(new Properties());
    private final Composed content = new Composed("Briefing, 31 October 2025", "Text body 1,250,000.00",
            "<p>HTML body 1,250,000.00</p>");

    @Test
    void emlReparsesWithSubjectRecipientAttachmentAndMessageId(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("briefing.pdf");
        byte[] bytes = {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', 0, (byte) 0xff, 13, 10, 42};
        Files.write(pdf, bytes);
        Recipient alice = MailFixtures.recipient("alice", "Alice Example");

        MimeMessage built = MailMessages.build(session, MailFixtures.FROM, alice, content,
                List.of(new Attachment(pdf, "briefing-2025-10-31.pdf", "application/pdf")), "<run-1.alice@briefings.example>");
        Path eml = MailMessages.writeEml(built, dir.resolve("outbox"), "alice");

        assertThat(eml).isEqualTo(dir.resolve("outbox").resolve("alice.eml"));
        assertThat(Files.list(dir.resolve("outbox"))).containsExactly(eml);
        MimeMessage parsed;
        try (InputStream in = Files.newInputStream(eml)) {
            parsed = new MimeMessage(session, in);
        }
        assertThat(parsed.getSubject()).isEqualTo("Briefing, 31 October 2025");
        assertThat(parsed.getMessageID()).isEqualTo("<run-1.alice@briefings.example>");
        assertThat(parsed.getRecipients(RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("alice@example.org");
        assertThat(parsed.getRecipients(RecipientType.CC)).isNull();
        assertThat(parsed.getRecipients(RecipientType.BCC)).isNull();
        assertThat(parsed.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(MailFixtures.FROM);
        assertThat(parsed.getSentDate()).isNotNull();

        MailParts parts = MailParts.of(parsed);
        assertThat(parts.rootType()).startsWith("multipart/mixed");
        assertThat(parts.alternativeType()).startsWith("multipart/alternative");
        assertThat(parts.text()).isEqualTo("Text body 1,250,000.00");
        assertThat(parts.html()).isEqualTo("<p>HTML body 1,250,000.00</p>");
        assertThat(parts.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("briefing-2025-10-31.pdf");
            assertThat(a.contentType()).startsWith("application/pdf");
            assertThat(a.bytes()).isEqualTo(bytes);
        });
    }

    @Test
    void messageIdSurvivesRepeatedSavesAndGetsBrackets() throws Exception {
        MimeMessage built = MailMessages.build(session, MailFixtures.FROM, MailFixtures.recipient("bob", "Bob"), content,
                List.of(), "run-1.bob@briefings.example");
        built.saveChanges();

        assertThat(built.getMessageID()).isEqualTo("<run-1.bob@briefings.example>");
    }

    @Test
    void rejectsHeaderInjectionInMessageIdAndPathsInRecipientIds(@TempDir Path dir) {
        Recipient bob = MailFixtures.recipient("bob", "Bob");
        assertThatThrownBy(() -> MailMessages.build(session, MailFixtures.FROM, bob, content, List.of(),
                "<a@b>\r\nBcc: eve@example.org")).isInstanceOf(IllegalArgumentException.class);

        MimeMessage built = MailMessages.build(session, MailFixtures.FROM, bob, content, List.of(), "<a@b>");
        assertThatThrownBy(() -> MailMessages.writeEml(built, dir, "../escape")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonAsciiNamesAndSubjectsAreEncoded(@TempDir Path dir) throws Exception {
        Recipient taro = new Recipient("taro", "山田 太郎", "taro@example.jp", "経済産業省", Interests.ALL,
                java.util.Set.of(Recipient.Format.PDF), false);
        MimeMessage built = MailMessages.build(session, MailFixtures.FROM, taro,
                new Composed("ブリーフィング 31 October 2025", "本文", "<p>本文</p>"), List.of(), "<t@b>");
        Path eml = MailMessages.writeEml(built, dir, "taro");

        // On the wire the headers are ASCII (RFC 2047); parsed back, the text is intact.
        for (byte b : Files.readAllBytes(eml)) {
            assertThat(b).isNotNegative();
        }
        try (InputStream in = Files.newInputStream(eml)) {
            var parsed = new MimeMessage(session, in);
            assertThat(parsed.getSubject()).isEqualTo("ブリーフィング 31 October 2025");
            assertThat(((InternetAddress) parsed.getRecipients(RecipientType.TO)[0]).getPersonal()).isEqualTo("山田 太郎");
            assertThat(MailParts.of(parsed).text()).isEqualTo("本文");
        }
    }

    @Test
    void anExistingMessageIsNeverOverwrittenAndNoTemporaryFileStays(@TempDir Path dir) throws Exception {
        Recipient bob = MailFixtures.recipient("bob", "Bob");
        Path outbox = dir.resolve("outbox");
        Path eml = MailMessages.writeEml(MailMessages.build(session, MailFixtures.FROM, bob, content, List.of(), "<first@b>"),
                outbox, "bob");
        byte[] first = Files.readAllBytes(eml);
        // What a run killed while writing leaves: its temporary file, which the next write of bob replaces.
        Files.writeString(outbox.resolve(".bob.eml.tmp"), "half a mess");

        MimeMessage second = MailMessages.build(session, MailFixtures.FROM, bob, content, List.of(), "<second@b>");
        assertThatThrownBy(() -> MailMessages.writeEml(second, outbox, "bob"))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasCauseInstanceOf(java.nio.file.FileAlreadyExistsException.class);

        assertThat(Files.readAllBytes(eml)).isEqualTo(first);
        try (var files = Files.list(outbox)) {
            assertThat(files).containsExactly(eml);
        }
    }

    @Test
    void inspectReadsBackTheMessageIdAndTheDigestOfThePdfAttachment(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("copy.pdf");
        byte[] bytes = "%PDF-1.7 three bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Files.write(pdf, bytes);
        Path xlsx = Files.write(dir.resolve("book.xlsx"), new byte[] {1, 2, 3});
        MimeMessage built = MailMessages.build(session, MailFixtures.FROM, MailFixtures.recipient("cy", "Cy"), content,
                List.of(new Attachment(xlsx, "book.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                        new Attachment(pdf, "copy.pdf", "application/pdf")), "<id.cy@b>");
        Path eml = MailMessages.writeEml(built, dir.resolve("outbox"), "cy");

        var stored = MailMessages.inspect(eml);

        assertThat(stored.messageId()).isEqualTo("<id.cy@b>");
        assertThat(stored.pdfSha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
    }
}

