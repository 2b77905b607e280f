package dev.briefings.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the SMTP server and how hard to try.
 *
 * @param username          null or blank for a server without authentication
 * @param maxAttempts       attempts per message in all (1 = no retry)
 * @param initialBackoff    the wait before the second attempt
 * @param backoffMultiplier each further wait is the previous one times this
 */
public record SmtpSettings(String host, int port, boolean startTls, String username, String password,
                           Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration initialBackoff,
                           double backoffMultiplier) {

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port must be 1..65535, not " + port);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (backoffMultiplier < 1.0) {
            throw new IllegalArgumentException("backoffMultiplier must be at least 1, not " + backoffMultiplier);
        }
    }

    boolean authenticates() {
        return username != null && !username.isBlank();
    }

    /** Never shows the password (settings end up in logs and exception messages). */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", startTls=" + startTls + ", username=" + username
                + ", password=" + (password == null ? "null" : "****") + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", backoffMultiplier=" + backoffMultiplier + "]";
    }
}
