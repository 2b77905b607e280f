package dev.briefings.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * A row lock held by an open transaction for as long as a briefing runs. Shared by every process using the
 * database, and released by the database itself when the holder's connection dies.
 */
final class DatabaseLock implements AutoCloseable {

    private static final int DUPLICATE_KEY = 23505; // H2 ErrorCode.DUPLICATE_KEY_1
    private static final int LOCK_TIMEOUT = 50200; // H2 ErrorCode.LOCK_TIMEOUT_1

    private final Connection connection;

    private DatabaseLock(Connection connection) {
        this.connection = connection;
    }

    /** The lock, or null when another transaction holds it. */
    static DatabaseLock tryAcquire(DataSource dataSource, String key) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO briefing_run_lock (lock_key) "
                    + "SELECT ? WHERE NOT EXISTS (SELECT 1 FROM briefing_run_lock WHERE lock_key = ?)")) {
                insert.setString(1, key);
                insert.setString(2, key);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (e.getErrorCode() != DUPLICATE_KEY) {
                    throw e;
                }
                // Another process inserted the same row a moment ago: fine, we only need it to exist.
            }
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT lock_key FROM briefing_run_lock WHERE lock_key = ? FOR UPDATE")) {
                lock.setString(1, key);
                lock.executeQuery().close();
            } catch (SQLException e) {
                if (e.getErrorCode() != LOCK_TIMEOUT) {
                    throw e;
                }
                connection.rollback();
                connection.setAutoCommit(true);
                connection.close();
                return null;
            }
            return new DatabaseLock(connection);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } finally {
            connection.close();
        }
    }
}
