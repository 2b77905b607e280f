package dev.briefings.database;

import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.InitializingBean;

/**
 * The application's connection pool. Once configured it starts while the connection that prepared the database
 * still holds it open, then lets that one go: H2 closes a database with its last connection, and opening it again
 * would cost about 0.15 s of every run.
 */
final class PreparedDataSource extends HikariDataSource implements InitializingBean {

    private final Connection holding;

    /** @param holding the connection that prepared the database, or null (a server database: nothing to hold) */
    PreparedDataSource(Connection holding) {
        this.holding = holding;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        if (holding != null) {
            try (holding) {
                getConnection().close();
            }
        }
    }
}
