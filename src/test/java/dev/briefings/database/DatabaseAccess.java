package dev.briefings.database;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

import dev.briefings.BriefingsProperties;

/** Starts the application's data source on a data folder as the application does, and opens the database as others might. */
final class DatabaseAccess {

    private DatabaseAccess() {
    }

    static String url(Path data) {
        return "jdbc:h2:file:" + data.resolve("briefings") + ";AUTO_SERVER=TRUE";
    }

    /** The pool, started (the database open), on {@code data} with the shipped URL's settings. */
    static HikariDataSource start(Path data, DatabaseProperties configured) throws Exception {
        return start(data, url(data), configured);
    }

    static HikariDataSource start(Path data, String url, DatabaseProperties configured) throws Exception {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        DataSourceProperties properties = new DataSourceProperties();
        properties.setBeanClassLoader(DatabaseAccess.class.getClassLoader());
        properties.setUrl(url);
        properties.afterPropertiesSet();
        var briefings = new BriefingsProperties(data, Path.of("templates"), data.resolveSibling("output"), 50, "t", "c",
                new BriefingsProperties.Desk("Desk", ""));
        HikariDataSource dataSource = new DatabaseConfig().dataSource(properties, briefings, configured);
        try {
            dataSource.getConnection().close(); // the first connection prepares the database
            return dataSource;
        } catch (Exception | Error e) {
            dataSource.close();
            throw e;
        }
    }

    static DatabaseProperties fromFile() {
        return new DatabaseProperties(null, null);
    }

    /** A connection of our own (not the pool's), as any client of the database file would open one. */
    static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return org.h2.Driver.load().connect(url, p);
    }

    static Properties passwordsFile(Path data) throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(data.resolve("briefings.passwords"))) {
            p.load(in);
        }
        return p;
    }

    static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
