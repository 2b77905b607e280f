package dev.briefings.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.AbstractDataSource;

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

    /** Signs in to the prepared database, outside the pool. */
    interface SignIn {
        Connection connect() throws SQLException;
    }

    private final Preparation preparation;
    private final SignIn owner;
    private volatile boolean prepared;

    /**
     * @param owner how the database's owner signs in once it is prepared, or null when the application does not
     *              know the owner (a server database)
     */
    PreparedDataSource(Preparation preparation, SignIn owner) {
        this.preparation = preparation;
        this.owner = owner;
    }

    /**
     * Connections as the database's owner (outside the pool, after preparing the database), for changing its
     * schema; empty when the application does not know the owner.
     */
    Optional<DataSource> owner() {
        if (owner == null) {
            return Optional.empty();
        }
        return Optional.of(new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                if (!prepared) {
                    prepare();
                }
                return owner.connect();
            }

            @Override
            public Connection getConnection(String username, String password) {
                throw new UnsupportedOperationException("the owner's connections have the owner's user and password");
            }
        });
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
