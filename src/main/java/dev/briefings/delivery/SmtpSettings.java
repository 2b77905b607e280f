package dev.briefings.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How to reach the mail server and how hard to try.
 *
 * @param protocol          "smtp", or "smtps" for implicit TLS
 * @param port              -1 for the protocol's default (25, or 465 for smtps)
 * @param username          null or blank for a server without authentication
 * @param session           the Jakarta Mail session properties (timeouts, STARTTLS, TLS, trust), host and port included
 * @param maxAttempts       attempts per message in all (1 = no retry)
 * @param initialBackoff    the wait before the second attempt
 * @param backoffMultiplier each further wait is the previous one times this
 */
public record SmtpSettings(String protocol, String host, int port, String username, String password,
                           Map<Object, Object> session, int maxAttempts, Duration initialBackoff,
                           double backoffMultiplier) {

    public SmtpSettings {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        session = Map.copyOf(session);
        if (port != -1 && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("SMTP port must be 1..65535, not " + port);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (backoffMultiplier < 1.0) {
            throw new IllegalArgumentException("backoffMultiplier must be at least 1, not " + backoffMultiplier);
        }
    }

    /** A plain SMTP server without TLS or sign-in (tests, a relay on the same host). */
    static SmtpSettings plain(String host, int port, Duration timeout, int maxAttempts, Duration initialBackoff,
                              double backoffMultiplier) {
        String ms = String.valueOf(timeout.toMillis());
        return new SmtpSettings("smtp", host, port, null, null, Map.of("mail.smtp.connectiontimeout", ms,
                "mail.smtp.timeout", ms, "mail.smtp.writetimeout", ms), maxAttempts, initialBackoff, backoffMultiplier);
    }

    boolean authenticates() {
        return username != null && !username.isBlank();
    }

    Properties sessionProperties() {
        var p = new Properties();
        p.putAll(session);
        return p;
    }

    /** Never shows the password (settings end up in logs and exception messages). */
    @Override
    public String toString() {
        return "SmtpSettings[protocol=" + protocol + ", host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "null" : "****") + ", session=" + session + ", maxAttempts="
                + maxAttempts + ", initialBackoff=" + initialBackoff + ", backoffMultiplier=" + backoffMultiplier + "]";
    }
}
