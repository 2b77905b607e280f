package dev.briefings.delivery;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery settings ({@code briefings.delivery.*} in application.properties or BRIEFINGS_DELIVERY_* in the
 * environment). Without an SMTP host, messages go to the outbox folder of the run instead of a mail server.
 *
 * @param recipients  the recipients file, relative to the input folder unless absolute
 * @param secretsFile a properties file {@code <recipient id>=<password>} for protected PDFs (optional; the
 *                    environment variables BRIEFINGS_PDF_PASSWORD_<ID> come first)
 * @param from        the sender address
 * @param threads     recipients delivered at once
 * @param smtp        the mail server; no host means the outbox
 */
@ConfigurationProperties("briefings.delivery")
public record DeliveryProperties(
        @DefaultValue("recipients.json") Path recipients,
        Path secretsFile,
        @DefaultValue("Critical Minerals Briefings <briefings@localhost>") String from,
        @DefaultValue("4") int threads,
        @DefaultValue Smtp smtp) {

    /**
     * @param host              the SMTP server; none means the outbox
     * @param port              its port
     * @param startTls          upgrade the connection with STARTTLS (required when true)
     * @param username          for servers that want a sign-in; none for those that do not
     * @param password          taken from the environment (BRIEFINGS_DELIVERY_SMTP_PASSWORD) rather than a file
     * @param connectTimeout    how long to wait for a connection
     * @param readTimeout       how long to wait for each reply
     * @param maxAttempts       attempts per message in all, for transient failures (1 = no retry)
     * @param initialBackoff    the wait before the second attempt
     * @param backoffMultiplier each further wait is the previous one times this
     */
    public record Smtp(String host, @DefaultValue("25") int port, @DefaultValue("false") boolean startTls,
                       String username, String password, @DefaultValue("10s") Duration connectTimeout,
                       @DefaultValue("30s") Duration readTimeout, @DefaultValue("4") int maxAttempts,
                       @DefaultValue("500ms") Duration initialBackoff, @DefaultValue("2.0") double backoffMultiplier) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }

        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", startTls=" + startTls + ", username=" + username
                    + ", password=" + (password == null ? "none" : "***") + "]";
        }
    }
}
