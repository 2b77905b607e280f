package dev.briefings.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.mail.internet.InternetAddress;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.briefings.briefing.SampleBriefings;
import dev.briefings.delivery.DeliveryLog.Status;
import dev.briefings.delivery.RecipientDelivery.Result;

/**
 * At most once per recipient, against real SMTP servers and a real database: a crash between two recipients, a
 * crash between sending and logging, and a permanent refusal for one recipient among others.
 */
class RecipientDeliveryTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path tmp;
    DeliveryLog log;
    JdbcTemplate jdbc;
    Path master;

    @BeforeEach
    void setUp() throws Exception {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcTemplate(ds);
        log = new DeliveryLog(jdbc, new DataSourceTransactionManager(ds));
        Path folder = Files.createDirectories(tmp.resolve("run"));
        master = MailFixtures.briefingPdf(folder);
    }

    private Distribution distribution(List<Recipient> recipients, boolean smtp) {
        Map<Interests, Path> editions = new HashMap<>();
        editions.put(Interests.ALL, master.getParent());
        return new Distribution("2025-10-31/nightly/r1", master.getParent(), LocalDate.of(2025, 10, 31), "nightly",
                recipients, List.of(), editions, Map.of(master.getParent(), SampleBriefings.small()), smtp,
                new ConcurrentHashMap<>());
    }

    private RecipientDelivery delivery(Distribution d, int port) {
        var sender = new SmtpSender(SmtpSettings.plain("127.0.0.1", port, Duration.ofSeconds(5), 2, Duration.ofMillis(5), 2.0));
        return new RecipientDelivery(d, log, new MailComposer(MailFixtures.TEMPLATES),
                PasswordSource.of(Map.of(), null), sender, MailFixtures.FROM);
    }

    private static Recipient r(String id) {
        return MailFixtures.recipient(id, id.toUpperCase());
    }

    private long receivedBy(String address) throws Exception {
        long n = 0;
        for (var m : greenMail.getReceivedMessages()) {
            if (((InternetAddress) m.getAllRecipients()[0]).getAddress().equals(address)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void crashBetweenTwoRecipientsThenRerunDeliversEachExactlyOnce() throws Exception {
        var recipients = List.of(r("alice"), r("bob"));
        var d = distribution(recipients, true);
        int port = greenMail.getSmtp().getPort();
        assertThat(delivery(d, port).deliver(r("alice"))).isEqualTo(Result.DELIVERED);
        // The process dies here; a new one runs the whole distribution again.
        var rerun = delivery(distribution(recipients, true), port);
        assertThat(rerun.deliver(r("alice"))).isEqualTo(Result.ALREADY_DELIVERED);
        assertThat(rerun.deliver(r("bob"))).isEqualTo(Result.DELIVERED);
        assertThat(receivedBy("alice@example.org")).isEqualTo(1);
        assertThat(receivedBy("bob@example.org")).isEqualTo(1);
        var entry = log.find(d.key(), "bob").orElseThrow();
        assertThat(entry.status()).isEqualTo(Status.DELIVERED);
        assertThat(entry.copySha256()).hasSize(64);
        assertThat(entry.masterSha256()).isEqualTo(d.masterDigest(master.getParent()));
    }

    @Test
    void crashBetweenSendingAndLoggingIsNeverSentAgain() throws Exception {
        var d = distribution(List.of(r("carol")), true);
        // What a process leaves when it dies after the message left but before the log said so.
        log.sending(d.key(), "carol", "smtp", "<x@briefings.local>", master.getParent().toString(), "m", "c");
        var rerun = delivery(d, greenMail.getSmtp().getPort());
        assertThat(rerun.deliver(r("carol"))).isEqualTo(Result.UNCERTAIN);
        assertThat(rerun.deliver(r("carol"))).isEqualTo(Result.UNCERTAIN);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(log.find(d.key(), "carol").orElseThrow().error()).contains("not sent again");
    }

    @Test
    void outboxSettlesAnInterruptedWriteFromTheFileItself() throws Exception {
        var d = distribution(List.of(r("dan")), false);
        var outbox = new RecipientDelivery(d, log, new MailComposer(MailFixtures.TEMPLATES),
                PasswordSource.of(Map.of(), null), null, MailFixtures.FROM);
        assertThat(outbox.deliver(r("dan"))).isEqualTo(Result.DELIVERED);
        assertThat(d.outbox().resolve("dan.eml")).exists();
        log.sending(d.key(), "dan", "outbox", "<x@briefings.local>", master.getParent().toString(), "m", "c");
        assertThat(outbox.deliver(r("dan"))).isEqualTo(Result.ALREADY_DELIVERED);
        assertThat(log.find(d.key(), "dan").orElseThrow().status()).isEqualTo(Status.DELIVERED);
    }

    private RecipientDelivery outbox(Distribution d) {
        return new RecipientDelivery(d, log, new MailComposer(MailFixtures.TEMPLATES), PasswordSource.of(Map.of(), null),
                null, MailFixtures.FROM);
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    @Test
    void outboxMessageWhoseLogRowWasLostIsRecognisedNotWrittenAgain() throws Exception {
        var d = distribution(List.of(r("dora")), false);
        assertThat(outbox(d).deliver(r("dora"))).isEqualTo(Result.DELIVERED);
        Path eml = d.outbox().resolve("dora.eml");
        byte[] written = Files.readAllBytes(eml);
        Path copy = d.copies().resolve("dora").resolve("critical-minerals-briefing-2025-10-31.pdf");
        String copySha = sha256(copy);
        // A process that died after writing the message, before its log row reached the file, left this:
        jdbc.update("DELETE FROM briefing_delivery");
        Files.writeString(d.outbox().resolve(".dora.eml.tmp"), "what a killed run was writing");

        assertThat(outbox(distribution(List.of(r("dora")), false)).deliver(r("dora"))).isEqualTo(Result.ALREADY_DELIVERED);

        assertThat(Files.readAllBytes(eml)).isEqualTo(written);
        assertThat(d.outbox().resolve(".dora.eml.tmp")).doesNotExist();
        var entry = log.find(d.key(), "dora").orElseThrow();
        assertThat(entry.status()).isEqualTo(Status.DELIVERED);
        // The distribution key 2025-10-31/nightly/r1 with '/' made '.', then the recipient.
        assertThat(entry.messageId()).isEqualTo("<2025-10-31.nightly.r1.dora@briefings.local>");
        assertThat(entry.copySha256()).isEqualTo(copySha);
        assertThat(entry.masterSha256()).isEqualTo(sha256(master));
        assertThat(entry.channel()).isEqualTo("outbox");
    }

    @Test
    void outboxNeverOverwritesAMessageItDidNotWrite() throws Exception {
        var d = distribution(List.of(r("erin")), false);
        Path eml = Files.createDirectories(d.outbox()).resolve("erin.eml");
        String foreign = "From: someone@example.org\r\nMessage-ID: <other@example.org>\r\n\r\nnot ours\r\n";
        Files.writeString(eml, foreign);

        assertThat(outbox(d).deliver(r("erin"))).isEqualTo(Result.FAILED);

        assertThat(Files.readString(eml)).isEqualTo(foreign);
        assertThat(log.find(d.key(), "erin").orElseThrow().error()).contains(eml.toString())
                .contains("<other@example.org>").contains("not overwritten");
    }

    @Test
    void outboxWritesAMessageWhoseSendingRowHasNoFile() throws Exception {
        var d = distribution(List.of(r("fay")), false);
        // Killed after the row, before the file got its name: the message was never written.
        log.sending(d.key(), "fay", "outbox", "<2025-10-31.nightly.r1.fay@briefings.local>",
                master.getParent().toString(), "m", "c");

        assertThat(outbox(d).deliver(r("fay"))).isEqualTo(Result.DELIVERED);

        assertThat(MailMessages.inspect(d.outbox().resolve("fay.eml")).messageId())
                .isEqualTo("<2025-10-31.nightly.r1.fay@briefings.local>");
        assertThat(log.find(d.key(), "fay").orElseThrow().status()).isEqualTo(Status.DELIVERED);
    }

    @Test
    void permanentRefusalIsLoggedWithTheReplyAndTheOthersAreDelivered() throws Exception {
        SMTPServer server = SMTPServer.port(0).bindAddress(InetAddress.getByName("127.0.0.1"))
                .messageHandlerFactory(ctx -> new MessageHandler() {
                    @Override
                    public void from(String from) {
                    }

                    @Override
                    public void recipient(String recipient) throws RejectException {
                        if (recipient.startsWith("gone@")) {
                            throw new RejectException(550, "5.1.1 No such user here");
                        }
                    }

                    @Override
                    public String data(InputStream data) throws java.io.IOException {
                        data.transferTo(java.io.OutputStream.nullOutputStream());
                        return null;
                    }

                    @Override
                    public void done() {
                    }
                }).build();
        server.start();
        try {
            var recipients = List.of(r("erin"), r("gone"), r("finn"));
            var d = distribution(recipients, true);
            var delivery = delivery(d, server.getPortAllocated());
            assertThat(delivery.deliver(r("erin"))).isEqualTo(Result.DELIVERED);
            assertThat(delivery.deliver(r("gone"))).isEqualTo(Result.FAILED);
            assertThat(delivery.deliver(r("finn"))).isEqualTo(Result.DELIVERED);
            var gone = log.find(d.key(), "gone").orElseThrow();
            assertThat(gone.status()).isEqualTo(Status.FAILED);
            assertThat(gone.attempts()).isEqualTo(1);
            assertThat(gone.error()).contains("permanent").contains("550");
        } finally {
            server.stop();
        }
    }

    @Test
    void protectedRecipientWithoutPasswordFailsAloneWithTheReason() throws Exception {
        var locked = new Recipient("gina", "Gina", "gina@example.org", "Example", Interests.ALL,
                Set.of(Recipient.Format.PDF), true);
        var d = distribution(List.of(locked), true);
        assertThat(delivery(d, greenMail.getSmtp().getPort()).deliver(locked)).isEqualTo(Result.FAILED);
        assertThat(log.find(d.key(), "gina").orElseThrow().error()).contains("no password");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}
