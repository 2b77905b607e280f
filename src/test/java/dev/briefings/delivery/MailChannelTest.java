package dev.briefings.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.mock.env.MockEnvironment;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.briefings.intake.ConfigurationException;

/**
 * The mail server is configured with Spring Boot's own names (spring.mail.*), bound here as Boot binds them, and
 * reached in clear, with STARTTLS and with implicit TLS. The test servers' certificate (GreenMail's own, self-signed,
 * naming no host) is trusted, and its host name not checked, in the test only.
 */
class MailChannelTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @RegisterExtension
    static final GreenMailExtension smtps = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ops@example.org", "briefings", "s3cret-pw"));

    private SMTPServer startTlsServer;

    @AfterEach
    void stop() {
        if (startTlsServer != null) {
            startTlsServer.stop();
        }
    }

    /** Binds spring.mail.* from {@code properties} the way Spring Boot binds it, with the delivery defaults. */
    private static MailChannel channel(Map<String, String> properties) {
        var binder = new Binder(new MapConfigurationPropertySource(properties));
        MailProperties mail = binder.bind("spring.mail", Bindable.ofInstance(new MailProperties())).orElseGet(MailProperties::new);
        DeliveryProperties delivery = binder.bindOrCreate("briefings.delivery", DeliveryProperties.class);
        return MailChannel.of(mail, delivery, null);
    }

    private static SendOutcome sendOne(MailChannel channel, String to) {
        SmtpSender sender = channel.sender();
        MimeMessage message = MailMessages.build(sender.session(), MailFixtures.FROM, new Recipient("ops", "Ops",
                        to, "Example", Interests.ALL, java.util.Set.of(Recipient.Format.PDF), false),
                new Composed("Test subject", "Text", "<p>HTML</p>"), List.of(), "<mail-channel-test@briefings.example>");
        return sender.send(message);
    }

    @Test
    void noHostIsTheOutbox() {
        MailChannel channel = channel(Map.of("spring.mail.port", "2525"));
        assertThat(channel.isSmtp()).isFalse();
        assertThat(channel.sender()).isNull();
    }

    @Test
    void plainSmtpFromSpringMailHostAndPort() throws Exception {
        MailChannel channel = channel(Map.of("spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(smtp.getSmtp().getPort()),
                "briefings.delivery.retry.max-attempts", "1"));
        assertThat(channel.smtpSettings().orElseThrow().session())
                .containsEntry("mail.smtp.connectiontimeout", "10000").containsEntry("mail.smtp.timeout", "30000");

        assertThat(sendOne(channel, "ann@example.org")).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(smtp.getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Test subject"));
    }

    @Test
    void startTlsWhenTheServerRequiresIt() throws Exception {
        var received = new CopyOnWriteArrayList<String>();
        startTlsServer = SMTPServer.port(0).bindAddress(InetAddress.getByName("127.0.0.1"))
                .enableTLS().requireTLS().startTlsSocketFactory(greenMailCertificate())
                .messageHandlerFactory(ctx -> new MessageHandler() {
                    @Override
                    public void from(String from) {
                    }

                    @Override
                    public void recipient(String recipient) {
                        received.add(recipient);
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
        startTlsServer.start();
        Map<String, String> p = new HashMap<>(Map.of("spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(startTlsServer.getPortAllocated()),
                "briefings.delivery.retry.max-attempts", "1"));

        // Without STARTTLS the server refuses the message (it requires TLS): proof that the next one used it.
        assertThat(sendOne(channel(p), "clear@example.org")).isInstanceOf(SendOutcome.Failed.class);
        assertThat(received).isEmpty();

        p.put("spring.mail.properties.mail.smtp.starttls.enable", "true");
        p.put("spring.mail.properties.mail.smtp.starttls.required", "true");
        p.put("spring.mail.properties.mail.smtp.ssl.trust", "*");
        p.put("spring.mail.properties.mail.smtp.ssl.checkserveridentity", "false");
        assertThat(sendOne(channel(p), "tls@example.org")).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(received).containsExactly("tls@example.org");
    }

    @Test
    void startTlsRequiredButNotOfferedIsAFailureNotAMessageInClear() {
        MailChannel channel = channel(Map.of("spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(smtp.getSmtp().getPort()),
                "spring.mail.properties.mail.smtp.starttls.enable", "true",
                "spring.mail.properties.mail.smtp.starttls.required", "true",
                "briefings.delivery.retry.max-attempts", "1"));
        assertThat(sendOne(channel, "ann@example.org")).isInstanceOfSatisfying(SendOutcome.Failed.class,
                f -> assertThat(f.serverReply()).containsIgnoringCase("STARTTLS"));
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void implicitTlsWithProtocolSmtpsAndASignIn() throws Exception {
        Map<String, String> p = new HashMap<>(Map.of("spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(smtps.getSmtps().getPort()),
                "spring.mail.protocol", "smtps",
                "spring.mail.username", "briefings",
                "spring.mail.password", "wrong-pw",
                "spring.mail.properties.mail.smtps.ssl.trust", "*",
                "spring.mail.properties.mail.smtps.ssl.checkserveridentity", "false",
                "briefings.delivery.retry.max-attempts", "1"));
        // The credentials reach the server: a wrong password is refused, the right one accepted.
        assertThat(sendOne(channel(p), "ops@example.org")).isInstanceOf(SendOutcome.Failed.class);
        assertThat(smtps.getReceivedMessages()).isEmpty();

        p.put("spring.mail.password", "s3cret-pw");
        assertThat(sendOne(channel(p), "ops@example.org")).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(smtps.getReceivedMessages()).hasSize(1);
    }

    @Test
    void implicitTlsWithSpringMailSslEnabled() throws Exception {
        MailChannel channel = channel(Map.of("spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(smtps.getSmtps().getPort()),
                "spring.mail.ssl.enabled", "true",
                "spring.mail.ssl.verify-hostname", "false",
                "spring.mail.properties.mail.smtp.ssl.trust", "*",
                "briefings.delivery.retry.max-attempts", "1"));
        assertThat(sendOne(channel, "ann@example.org")).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(smtps.getReceivedMessages()).hasSize(1);
    }

    @Test
    void retiredPropertiesAreRefusedNamingTheNewOnes() {
        var environment = new MockEnvironment().withProperty("briefings.delivery.smtp.host", "smtp.example.org")
                .withProperty("briefings.delivery.smtp.start-tls", "true")
                .withProperty("briefings.delivery.smtp.max-attempts", "3");
        assertThatThrownBy(() -> MailChannel.refuseRetiredProperties(environment))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("briefings.delivery.smtp.host is no longer read: set spring.mail.host instead")
                .hasMessageContaining("spring.mail.properties.mail.smtp.starttls.enable=true")
                .hasMessageContaining("briefings.delivery.retry.max-attempts");
        MailChannel.refuseRetiredProperties(new MockEnvironment().withProperty("spring.mail.host", "smtp.example.org"));
    }

    @Test
    void anUnsupportedProtocolIsAConfigurationError() {
        assertThatThrownBy(() -> channel(Map.of("spring.mail.host", "mail.example.org", "spring.mail.protocol", "imap")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("spring.mail.protocol=imap");
    }

    /** The certificate GreenMail ships for its own TLS servers, for the STARTTLS server here. */
    private static SSLContext greenMailCertificate() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = GreenMailExtension.class.getClassLoader().getResourceAsStream("greenmail.p12")) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
