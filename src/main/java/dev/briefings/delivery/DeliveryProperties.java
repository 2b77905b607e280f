package dev.briefings.delivery;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery settings ({@code briefings.delivery.*} in application.properties or BRIEFINGS_DELIVERY_* in the
 * environment). The mail server itself is Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host},
 * messages go to the outbox folder of the run instead of a mail server.
 *
 * @param recipients     the recipients file, relative to the input folder unless absolute
 * @param secretsFile    a properties file {@code <recipient id>=<password>} for protected PDFs (optional; the
 *                       environment variables BRIEFINGS_PDF_PASSWORD_<ID> come first)
 * @param from           the sender address
 * @param threads        recipients delivered at once
 * @param retry          how often and how patiently a message is tried again after a transient SMTP failure
 * @param connectTimeout how long to wait for a connection to the mail server, unless
 *                       spring.mail.properties.mail.smtp.connectiontimeout says otherwise
 * @param readTimeout    how long to wait for each reply of the mail server, unless
 *                       spring.mail.properties.mail.smtp.timeout (and .writetimeout) say otherwise
 */
@ConfigurationProperties("briefings.delivery")
public record DeliveryProperties(
        @DefaultValue("recipients.json") Path recipients,
        Path secretsFile,
        @DefaultValue("Critical Minerals Briefings <briefings@localhost>") String from,
        @DefaultValue("4") int threads,
        @DefaultValue Retry retry,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {

    /**
     * @param maxAttempts    attempts per message in all, for transient failures (1 = no retry)
     * @param initialBackoff the wait before the second attempt
     * @param multiplier     each further wait is the previous one times this
     */
    public record Retry(@DefaultValue("4") int maxAttempts, @DefaultValue("500ms") Duration initialBackoff,
                        @DefaultValue("2.0") double multiplier) {
    }
}
