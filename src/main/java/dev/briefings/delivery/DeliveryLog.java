package dev.briefings.delivery;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who received which briefing. Every change commits at once in its own transaction, whatever step or chunk is
 * running: the entry that says a message is being sent must be on disk before the message leaves.
 */
@Repository
public class DeliveryLog {

    public enum Status {
        /** Written just before the send: still there on a later run means the process died mid-send. */
        SENDING,
        DELIVERED,
        FAILED,
        /** A send whose outcome was lost in a crash: never sent again automatically; check with the recipient. */
        UNCERTAIN
    }

    public record Entry(String distribution, String recipientId, Status status, int attempts, OffsetDateTime updatedAt,
                        String channel, String messageId, String editionFolder, String masterSha256,
                        String copySha256, String error) {
    }

    private static final RowMapper<Entry> ROW = (rs, i) -> new Entry(rs.getString("distribution"),
            rs.getString("recipient_id"), Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
            rs.getObject("updated_at", OffsetDateTime.class), rs.getString("channel"), rs.getString("message_id"),
            rs.getString("edition_folder"), rs.getString("master_sha256"), rs.getString("copy_sha256"),
            rs.getString("error"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    DeliveryLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Optional<Entry> find(String distribution, String recipientId) {
        return jdbc.query("SELECT * FROM briefing_delivery WHERE distribution = ? AND recipient_id = ?", ROW,
                distribution, recipientId).stream().findFirst();
    }

    public List<Entry> all(String distribution) {
        return jdbc.query("SELECT * FROM briefing_delivery WHERE distribution = ? ORDER BY recipient_id", ROW, distribution);
    }

    /** Before the send. */
    public void sending(String distribution, String recipientId, String channel, String messageId,
                        String editionFolder, String masterSha256, String copySha256) {
        ownTransaction.executeWithoutResult(s -> {
            jdbc.update("DELETE FROM briefing_delivery WHERE distribution = ? AND recipient_id = ?", distribution, recipientId);
            jdbc.update("""
                            INSERT INTO briefing_delivery (distribution, recipient_id, status, attempts, updated_at, channel,
                                message_id, edition_folder, master_sha256, copy_sha256, error)
                            VALUES (?, ?, 'SENDING', 0, ?, ?, ?, ?, ?, ?, NULL)""",
                    distribution, recipientId, OffsetDateTime.now(), channel, messageId, editionFolder, masterSha256, copySha256);
        });
    }

    /**
     * A message found in the outbox that the log does not show as delivered (the process died after writing it):
     * recorded as delivered, from what the file holds, and not written again.
     */
    public void recognised(String distribution, String recipientId, String messageId, String editionFolder,
                           String masterSha256, String copySha256) {
        ownTransaction.executeWithoutResult(s -> {
            jdbc.update("DELETE FROM briefing_delivery WHERE distribution = ? AND recipient_id = ?", distribution, recipientId);
            jdbc.update("""
                            INSERT INTO briefing_delivery (distribution, recipient_id, status, attempts, updated_at, channel,
                                message_id, edition_folder, master_sha256, copy_sha256, error)
                            VALUES (?, ?, 'DELIVERED', 1, ?, 'outbox', ?, ?, ?, ?, NULL)""",
                    distribution, recipientId, OffsetDateTime.now(), messageId, editionFolder, masterSha256, copySha256);
        });
    }

    /** After the send, or when the recipient could not be prepared ({@code messageId} etc. may then be placeholders). */
    public void finished(String distribution, String recipientId, Status status, int attempts, String error) {
        ownTransaction.executeWithoutResult(s -> jdbc.update("""
                        UPDATE briefing_delivery SET status = ?, attempts = ?, updated_at = ?, error = ?
                        WHERE distribution = ? AND recipient_id = ?""",
                status.name(), attempts, OffsetDateTime.now(), error == null ? null : truncate(error),
                distribution, recipientId));
    }

    /** A recipient that failed before any send (bad input, edition not made): one row saying why. */
    public void failedBeforeSending(String distribution, String recipientId, String channel, String error) {
        ownTransaction.executeWithoutResult(s -> {
            jdbc.update("DELETE FROM briefing_delivery WHERE distribution = ? AND recipient_id = ?", distribution, recipientId);
            jdbc.update("""
                            INSERT INTO briefing_delivery (distribution, recipient_id, status, attempts, updated_at, channel,
                                message_id, edition_folder, master_sha256, copy_sha256, error)
                            VALUES (?, ?, 'FAILED', 0, ?, ?, '', '', '', NULL, ?)""",
                    distribution, recipientId, OffsetDateTime.now(), channel, truncate(error));
        });
    }

    private static String truncate(String s) {
        return s.length() > 4000 ? s.substring(0, 3990) + " …" : s;
    }
}
