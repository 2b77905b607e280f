package dev.briefings.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;

import dev.briefings.intake.ConfigurationException;

/**
 * The way mail leaves: the SMTP server Spring Boot's {@code spring.mail.*} names (plain, STARTTLS through
 * {@code spring.mail.properties.mail.smtp.starttls.*}, or implicit TLS through {@code spring.mail.protocol=smtps}
 * or {@code spring.mail.ssl.enabled}), or, without {@code spring.mail.host}, files in an outbox folder. Briefings
 * and alerts both go this way.
 */
public final class MailChannel {

    /** The retired names, and what to set instead. */
    private static final Map<String, String> RETIRED = Map.of(
            "host", "spring.mail.host",
            "port", "spring.mail.port",
            "starttls", "spring.mail.properties.mail.smtp.starttls.enable=true and "
                    + "spring.mail.properties.mail.smtp.starttls.required=true",
            "username", "spring.mail.username",
            "password", "spring.mail.password (SPRING_MAIL_PASSWORD in the environment)",
            "connecttimeout", "briefings.delivery.connect-timeout",
            "readtimeout", "briefings.delivery.read-timeout",
            "maxattempts", "briefings.delivery.retry.max-attempts",
            "initialbackoff", "briefings.delivery.retry.initial-backoff",
            "backoffmultiplier", "briefings.delivery.retry.multiplier");

    private final SmtpSettings smtp;

    private MailChannel(SmtpSettings smtp) {
        this.smtp = smtp;
    }

    /** The outbox only (no mail server). */
    public static MailChannel outbox() {
        return new MailChannel(null);
    }

    public static MailChannel smtp(SmtpSettings settings) {
        return new MailChannel(settings);
    }

    /**
     * Reads Boot's mail settings the way its own JavaMailSender would (protocol, properties, ssl.enabled,
     * ssl.bundle), with the project's timeouts as defaults: Jakarta Mail would otherwise wait forever.
     *
     * @param bundles the application's SSL bundles, or null when it has none
     */
    static MailChannel of(MailProperties mail, DeliveryProperties delivery, SslBundles bundles) {
        if (mail.getJndiName() != null && !mail.getJndiName().isBlank()) {
            throw new ConfigurationException("spring.mail.jndi-name is not supported: name the server with "
                    + "spring.mail.host (and spring.mail.port, spring.mail.username, spring.mail.password)");
        }
        if (mail.getDefaultEncoding() != null && !StandardCharsets.UTF_8.equals(mail.getDefaultEncoding())) {
            throw new ConfigurationException("spring.mail.default-encoding=" + mail.getDefaultEncoding()
                    + " is not supported: the messages are always written in UTF-8 (remove the setting)");
        }
        if (mail.getHost() == null || mail.getHost().isBlank()) {
            return outbox();
        }
        String protocol = mail.getProtocol() == null || mail.getProtocol().isBlank() ? "smtp" : mail.getProtocol();
        if (!protocol.equals("smtp") && !protocol.equals("smtps")) {
            throw new ConfigurationException("spring.mail.protocol=" + protocol + " is not supported: use smtp "
                    + "(with spring.mail.properties.mail.smtp.starttls.enable=true for STARTTLS) or smtps (implicit TLS)");
        }
        Map<Object, Object> session = new HashMap<>(mail.getProperties());
        String prefix = "mail." + protocol + ".";
        session.put("mail.transport.protocol", protocol);
        session.put(prefix + "host", mail.getHost());
        if (mail.getPort() != null) {
            session.put(prefix + "port", String.valueOf(mail.getPort()));
        }
        session.putIfAbsent(prefix + "connectiontimeout", String.valueOf(delivery.connectTimeout().toMillis()));
        session.putIfAbsent(prefix + "timeout", String.valueOf(delivery.readTimeout().toMillis()));
        session.putIfAbsent(prefix + "writetimeout", String.valueOf(delivery.readTimeout().toMillis()));
        boolean signsIn = mail.getUsername() != null && !mail.getUsername().isBlank();
        if (signsIn) {
            // Credentials given means a sign-in is wanted: never send unauthenticated because the server did not ask.
            session.putIfAbsent(prefix + "auth", "true");
        }
        MailProperties.Ssl ssl = mail.getSsl();
        String bundle = ssl.getBundle();
        boolean hasBundle = bundle != null && !bundle.isBlank();
        if (ssl.isEnabled()) {
            session.put(prefix + "ssl.enable", "true");
        }
        if (ssl.isEnabled() || hasBundle) {
            // Both ways (Boot only sets true): Jakarta Mail checks by default, so false has to be said to count.
            session.put(prefix + "ssl.checkserveridentity", String.valueOf(ssl.isVerifyHostname()));
        }
        if (hasBundle) {
            if (bundles == null) {
                throw new ConfigurationException("spring.mail.ssl.bundle=" + bundle + " names an SSL bundle, but none "
                        + "is configured (spring.ssl.bundle.*)");
            }
            try {
                session.put(prefix + "ssl.socketFactory", bundles.getBundle(bundle).createSslContext().getSocketFactory());
            } catch (NoSuchSslBundleException e) {
                throw new ConfigurationException("spring.mail.ssl.bundle=" + bundle + ": " + e.getMessage(), e);
            }
        }
        DeliveryProperties.Retry retry = delivery.retry();
        try {
            return smtp(new SmtpSettings(protocol, mail.getHost(), mail.getPort() == null ? -1 : mail.getPort(),
                    signsIn ? mail.getUsername() : null, mail.getPassword(), session, retry.maxAttempts(),
                    retry.initialBackoff(), retry.multiplier()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("mail settings (spring.mail.*, briefings.delivery.retry.*): " + e.getMessage(), e);
        }
    }

    /**
     * The mail server used to be {@code briefings.delivery.smtp.*}. Those names are refused rather than quietly
     * ignored: ignored, a configured server would silently become the outbox and nobody would get their briefing.
     */
    static void refuseRetiredProperties(Environment environment) {
        Map<String, String> old = Binder.get(environment)
                .bind("briefings.delivery.smtp", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        if (old.isEmpty()) {
            return;
        }
        List<String> advice = new ArrayList<>();
        for (String key : old.keySet().stream().sorted().toList()) {
            String instead = RETIRED.get(key.toLowerCase().replaceAll("[^a-z0-9]", ""));
            advice.add("briefings.delivery.smtp." + key + " is no longer read: set "
                    + (instead == null ? "the matching spring.mail.* property" : instead) + " instead");
        }
        throw new ConfigurationException(String.join("; ", advice)
                + " (the mail server is configured with Spring Boot's spring.mail.*; see the README)");
    }

    public Optional<SmtpSettings> smtpSettings() {
        return Optional.ofNullable(smtp);
    }

    public boolean isSmtp() {
        return smtp != null;
    }

    /** A sender for the configured server, or null for the outbox. */
    public SmtpSender sender() {
        return smtp == null ? null : new SmtpSender(smtp);
    }

    /** For the log: where mail goes, without credentials. */
    public String describe() {
        if (smtp == null) {
            return "the outbox (no spring.mail.host)";
        }
        return smtp.protocol() + "://" + smtp.host() + (smtp.port() == -1 ? "" : ":" + smtp.port());
    }
}
