package dev.briefings.database;

import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The application's connection pool, which prepares the database (see {@link DatabaseSetup}) when the first
 * connection is asked for: a fault then surfaces from the code that needed the database, after Spring's context
 * is up, rather than as a failed bean in the middle of its start.
 */
final class PreparedDataSource extends HikariDataSource {

    /** Makes the database ready and answers the connection that did it (which holds it open), or null. */
    interface Preparation {
        Connection prepare(PreparedDataSource dataSource);
    }

    private final Preparation preparation;
    private volatile boolean prepared;

    PreparedDataSource(Preparation preparation) {
        this.preparation = preparation;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!prepared) {
            prepare();
        }
        return super.getConnection();
    }

    private synchronized void prepare() throws SQLException {
        if (prepared) {
            return;
        }
        Connection holding = preparation.prepare(this);
        if (holding != null) {
            // The pool starts while that connection holds the database open: H2 closes a database with its last
            // connection, and opening it again would cost about 0.15 s of every run.
            try (holding) {
                super.getConnection().close();
            }
        }
        prepared = true;
    }
}
