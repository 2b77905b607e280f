package dev.briefings.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import dev.briefings.briefing.SampleBriefings;

class SmtpSenderTest {

    private static final String LOCALHOST = "127.0.0.1";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(0, LOCALHOST, ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private SMTPServer faultServer;

    @AfterEach
    void stopFaultServer() {
        if (faultServer != null) {
            faultServer.stop();
        }
    }

    private static SmtpSettings settings(int port, int maxAttempts) {
        return SmtpSettings.plain(LOCALHOST, port, Duration.ofSeconds(5), maxAttempts, Duration.ofMillis(5), 2.0);
    }

    @Test
    void threeRecipientsEachGetOneMessageToThemselvesWithTheBriefing(@TempDir Path dir) throws Exception {
        Path pdf = MailFixtures.briefingPdf(dir);
        var sender = new SmtpSender(settings(greenMail.getSmtp().getPort(), 3));
        var composer = new MailComposer(MailFixtures.TEMPLATES);
        var recipients = List.of(MailFixtures.recipient("alice", "Alice Example"),
                MailFixtures.recipient("bob", "Bob Example"), MailFixtures.recipient("carol", "Carol Example"));

        for (Recipient r : recipients) {
            MimeMessage message = MailMessages.build(sender.session(), MailFixtures.FROM, r,
                    composer.compose(r, SampleBriefings.small(), "nightly"),
                    List.of(new Attachment(pdf, "briefing.pdf", "application/pdf")), "<run-7." + r.id() + "@briefings.example>");
            SendOutcome outcome = sender.send(message);
            assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Delivered.class, d -> {
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.serverReply()).startsWith("250");
            });
        }

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(3);
        Map<String, MimeMessage> byTo = new HashMap<>();
        for (MimeMessage m : received) {
            assertThat(m.getRecipients(RecipientType.TO)).hasSize(1);
            assertThat(m.getRecipients(RecipientType.CC)).isNull();
            byTo.put(((InternetAddress) m.getRecipients(RecipientType.TO)[0]).getAddress(), m);
        }
        assertThat(byTo).containsOnlyKeys("alice@example.org", "bob@example.org", "carol@example.org");
        byte[] pdfBytes = Files.readAllBytes(pdf);
        for (Recipient r : recipients) {
            MimeMessage m = byTo.get(r.email());
            assertThat(m.getMessageID()).isEqualTo("<run-7." + r.id() + "@briefings.example>");
            assertThat(m.getSubject()).contains(r.name(), "31 October 2025");
            MailParts parts = MailParts.of(m);
            assertThat(parts.text()).contains("31 October 2025", "USD 1,250,000.00", "Dear " + r.name());
            assertThat(parts.html()).contains("31 October 2025", "USD 1,250,000.00", r.name());
            assertThat(parts.attachments()).singleElement().satisfies(a -> {
                assertThat(a.fileName()).isEqualTo("briefing.pdf");
                assertThat(a.bytes()).isEqualTo(pdfBytes);
            });
        }
    }

    @Test
    void transientRefusalIsRetried() throws Exception {
        var dataCalls = new AtomicInteger();
        var accepted = new CopyOnWriteArrayList<String>();
        faultServer = faultServer(ctx -> new Handler() {
            @Override
            public String data(InputStream data) throws RejectException, IOException {
                data.transferTo(java.io.OutputStream.nullOutputStream());
                if (dataCalls.incrementAndGet() == 1) {
                    throw new RejectException(451, "4.3.0 Try again later");
                }
                accepted.add("ok");
                return null;
            }
        });
        var waits = new ArrayList<Long>();
        var sender = new SmtpSender(settings(faultServer.getPortAllocated(), 4), waits::add);

        SendOutcome outcome = sender.send(message(sender));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Delivered.class, d -> assertThat(d.attempts()).isEqualTo(2));
        assertThat(dataCalls).hasValue(2);
        assertThat(accepted).hasSize(1);
        assertThat(waits).containsExactly(5L);
    }

    @Test
    void transientRecipientRefusalIsRetried() throws Exception {
        var rcptCalls = new AtomicInteger();
        faultServer = faultServer(ctx -> new Handler() {
            @Override
            public void recipient(String recipient) throws RejectException {
                if (rcptCalls.incrementAndGet() == 1) {
                    throw new RejectException(451, "4.7.1 Greylisted, come back later");
                }
            }
        });
        var sender = new SmtpSender(settings(faultServer.getPortAllocated(), 4), millis -> { });

        SendOutcome outcome = sender.send(message(sender));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Delivered.class, d -> assertThat(d.attempts()).isEqualTo(2));
        assertThat(rcptCalls).hasValue(2);
    }

    @Test
    void permanentRefusalIsNotRetried() throws Exception {
        var rcptCalls = new AtomicInteger();
        faultServer = faultServer(ctx -> new Handler() {
            @Override
            public void recipient(String recipient) throws RejectException {
                rcptCalls.incrementAndGet();
                throw new RejectException(550, "5.1.1 No such user here");
            }
        });
        var sender = new SmtpSender(settings(faultServer.getPortAllocated(), 4), millis -> { });

        SendOutcome outcome = sender.send(message(sender));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Failed.class, f -> {
            assertThat(f.permanent()).isTrue();
            assertThat(f.attempts()).isEqualTo(1);
            assertThat(f.serverReply()).contains("550").contains("No such user here");
        });
        assertThat(rcptCalls).hasValue(1);
    }

    @Test
    void nothingListeningIsTransientUntilAttemptsRunOut() throws Exception {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName(LOCALHOST))) {
            port = socket.getLocalPort();
        }
        var waits = new ArrayList<Long>();
        var sender = new SmtpSender(settings(port, 3), waits::add);

        SendOutcome outcome = sender.send(message(sender));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Failed.class, f -> {
            assertThat(f.permanent()).isFalse();
            assertThat(f.attempts()).isEqualTo(3);
        });
        // Exponential back-off: 5 ms, then 5 × 2.
        assertThat(waits).containsExactly(5L, 10L);
    }

    @Test
    void settingsNeverShowThePassword() {
        var s = new SmtpSettings("smtp", "smtp.example.org", 587, "user", "s3cret-pw",
                Map.of("mail.smtp.starttls.enable", "true"), 3, Duration.ofSeconds(1), 2.0);
        assertThat(s.toString()).doesNotContain("s3cret-pw").contains("smtp.example.org", "user");
    }

    private static MimeMessage message(SmtpSender sender) {
        Recipient r = MailFixtures.recipient("dave", "Dave Example");
        return MailMessages.build(sender.session(), MailFixtures.FROM, r, new Composed("Subject", "Text", "<p>HTML</p>"),
                List.of(), "<fault-test@briefings.example>");
    }

    private static SMTPServer faultServer(Function<MessageContext, MessageHandler> handlers) throws Exception {
        SMTPServer server = SMTPServer.port(0).bindAddress(InetAddress.getByName(LOCALHOST))
                .messageHandlerFactory(handlers::apply).build();
        server.start();
        return server;
    }

    /** Accepts everything; tests override the step that should fail. */
    private static class Handler implements MessageHandler {
        @Override
        public void from(String from) throws RejectException {
        }

        @Override
        public void recipient(String recipient) throws RejectException {
        }

        @Override
        public String data(InputStream data) throws RejectException, IOException {
            data.transferTo(java.io.OutputStream.nullOutputStream());
            return null;
        }

        @Override
        public void done() {
        }
    }
}
