package dev.briefings.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Sends one message at a time over SMTP, retrying transient failures (4xx replies, refused connections,
 * timeouts) with exponential back-off and giving up at once on permanent ones (5xx replies).
 * <p>
 * Thread-safe: the {@link Session} is shared and immutable, and every attempt opens its own connection.
 * Sending goes through the {@link Transport} directly (not Spring's JavaMailSender) so that the server's
 * reply, accepted or not, can be reported.
 */
public final class SmtpSender {

    private final SmtpSettings settings;
    private final Session session;
    private final Sleeper sleeper;

    public SmtpSender(SmtpSettings settings) {
        this(settings, Thread::sleep);
    }

    SmtpSender(SmtpSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.session = Session.getInstance(settings.sessionProperties());
        this.sleeper = sleeper;
    }

    /** The session messages for this sender are built with (see {@link MailMessages#build}). */
    public Session session() {
        return session;
    }

    /** Sends {@code message} to its recipients; never throws for a delivery problem, reports it instead. */
    public SendOutcome send(MimeMessage message) {
        Duration wait = settings.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            Attempt result = attempt(message);
            if (result instanceof Attempt.Accepted accepted) {
                return new SendOutcome.Delivered(attempt, accepted.reply());
            }
            var refused = (Attempt.Refused) result;
            if (refused.permanent() || attempt >= settings.maxAttempts()) {
                return new SendOutcome.Failed(attempt, refused.permanent(), refused.reply());
            }
            try {
                sleeper.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                // Shutting down: keep the interrupt for the caller and report the message as not sent (retryable).
                Thread.currentThread().interrupt();
                return new SendOutcome.Failed(attempt, false, refused.reply() + " (interrupted before retry)");
            }
            wait = Duration.ofMillis(Math.round(wait.toMillis() * settings.backoffMultiplier()));
        }
    }

    private Attempt attempt(MimeMessage message) {
        try (Transport transport = session.getTransport(settings.protocol())) {
            if (settings.authenticates()) {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            } else {
                transport.connect(settings.host(), settings.port(), null, null);
            }
            transport.sendMessage(message, message.getAllRecipients());
            return new Attempt.Accepted(lastReply(transport));
        } catch (MessagingException e) {
            return classify(e);
        }
    }

    private static String lastReply(Transport transport) {
        return transport instanceof SMTPTransport smtp && smtp.getLastServerResponse() != null
                ? smtp.getLastServerResponse().trim() : "accepted";
    }

    /**
     * The first SMTP reply code found in the exception chain decides (4xx transient, 5xx permanent); without
     * one, connection problems and other I/O errors are transient and everything else (e.g. bad credentials,
     * a malformed message) permanent.
     */
    static Attempt.Refused classify(Throwable failure) {
        boolean io = false;
        boolean auth = false;
        Set<Throwable> seen = new HashSet<>();
        Throwable t = failure;
        while (t != null && seen.add(t)) {
            Integer code = replyCode(t);
            if (code != null && code >= 400) {
                return new Attempt.Refused(code >= 500, reply(code, t));
            }
            io |= t instanceof MailConnectException || t instanceof ConnectException
                    || t instanceof SocketTimeoutException || t instanceof IOException;
            auth |= t instanceof AuthenticationFailedException;
            t = next(t);
        }
        String text = describe(failure);
        return new Attempt.Refused(auth || !io, text);
    }

    private static Integer replyCode(Throwable t) {
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        return null;
    }

    /** The server's reply line; the exceptions carry it as their message (e.g. "550 5.1.1 No such user"). */
    private static String reply(int code, Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().trim();
        return message.startsWith(String.valueOf(code)) ? message : code + " " + message;
    }

    /** MessagingException keeps its cause as "next exception"; chains of them also link that way. */
    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause();
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
            if (t.getMessage() != null && text.indexOf(t.getMessage()) < 0) {
                if (!text.isEmpty()) {
                    text.append(": ");
                }
                text.append(t.getMessage().trim());
            }
        }
        return text.isEmpty() ? failure.getClass().getSimpleName() : text.toString();
    }

    /** The result of one attempt. */
    sealed interface Attempt {
        record Accepted(String reply) implements Attempt {
        }

        record Refused(boolean permanent, String reply) implements Attempt {
        }
    }

    /** Waits between attempts; replaceable in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }
}
