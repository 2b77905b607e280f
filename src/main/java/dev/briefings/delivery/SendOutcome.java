package dev.briefings.delivery;

/** What became of one message handed to {@link SmtpSender#send}. */
public sealed interface SendOutcome {

    int attempts();

    String serverReply();

    /** The server accepted the message; {@code serverReply} is its last reply (e.g. "250 OK"). */
    record Delivered(int attempts, String serverReply) implements SendOutcome {
    }

    /**
     * The message was not accepted.
     *
     * @param permanent   true for a 5xx reply (retrying will not help); false when the last attempt failed
     *                    transiently (4xx, no connection, timeout) and the attempts ran out
     * @param serverReply the server's reply, or the connection problem in words
     */
    record Failed(int attempts, boolean permanent, String serverReply) implements SendOutcome {
    }
}
