package dev.briefings.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import dev.briefings.BriefingsProperties;

/**
 * The data source, in place of Spring Boot's: before the pool starts (at the first connection), the data folder is
 * made owner-only, and an embedded database gets its passwords and is opened as the application's user (see
 * {@link DatabaseSetup}); Flyway (src/main/resources/db/migration) then brings its schema up to date as its owner.
 * The URL is spring.datasource.url as configured; the user and password of an embedded database are the
 * application's, not spring.datasource.username/password. A server database ({@code jdbc:h2:tcp:...}) is the
 * installation's to secure: its user and password are spring.datasource.username/password, and the password must
 * not be empty.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfig {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, BriefingsProperties briefings, DatabaseProperties database) {
        Path dataFolder = briefings.dataDir().toAbsolutePath().normalize();
        String url = properties.determineUrl();
        Optional<H2Files> embedded = H2Files.of(url);
        DatabaseSetup setup = embedded.map(files -> new DatabaseSetup(files, url, database, dataFolder.resolve("work")))
                .orElse(null);
        PreparedDataSource dataSource = new PreparedDataSource(pool -> {
            PrivateFiles.secureTree(dataFolder, "data folder");
            if (embedded.isEmpty()) {
                if (!StringUtils.hasLength(pool.getPassword()) && !url.startsWith("jdbc:h2:mem:")) {
                    throw new DatabaseFault("spring.datasource.password is empty for the database " + url + ": set the "
                            + "password its server has for this application's user (e.g. in SPRING_DATASOURCE_PASSWORD)");
                }
                return null;
            }
            secureOutsideDataFolder(embedded.get(), dataFolder);
            DatabaseSetup.Opened opened = setup.open();
            pool.setJdbcUrl(setup.applicationUrl());
            pool.setPassword(opened.password());
            return opened.connection();
        }, setup == null ? null : setup::ownerConnection);
        dataSource.setJdbcUrl(url);
        if (embedded.isPresent()) {
            dataSource.setUsername(DatabaseSetup.APPLICATION_USER); // its password once the preparation made it
        } else {
            dataSource.setUsername(properties.determineUsername());
            dataSource.setPassword(properties.determinePassword());
        }
        dataSource.setDriverClassName(properties.determineDriverClassName());
        if (StringUtils.hasText(properties.getName())) {
            dataSource.setPoolName(properties.getName());
        }
        return dataSource;
    }

    /**
     * Flyway changes the schema of an embedded database as its owner, who sets the database up, rather than as the
     * application's user. Left alone when the installation gives Flyway its own user (spring.flyway.user) or data
     * source; a server database's migrations otherwise run as spring.datasource.username (Spring Boot's default).
     */
    @Bean
    static FlywayConfigurationCustomizer migrationsByTheOwner(ObjectProvider<DataSource> dataSource) {
        return configuration -> {
            if (configuration.getDataSource() == dataSource.getIfUnique()
                    && configuration.getDataSource() instanceof PreparedDataSource prepared) {
                prepared.owner().ifPresent(configuration::dataSource);
            }
        };
    }

    /**
     * Opens the database and brings its schema up to date once the application has started, so that a fault stops
     * every command (serve too) at its start rather than at a first request. (Beans are made when first used: Flyway
     * would otherwise wait for the first bean that needs the tables.)
     */
    @Bean
    static ApplicationListener<ApplicationStartedEvent> openDatabaseOnStart(ObjectProvider<DataSource> dataSource,
            ObjectProvider<FlywayMigrationInitializer> migrations) {
        return event -> {
            try {
                dataSource.getObject().getConnection().close();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot open the database: " + e.getMessage(), e);
            }
            migrations.getIfAvailable(); // made once: it migrates when made
        };
    }

    /**
     * A database configured outside the data folder keeps the permissions of its folder (which may be shared with
     * other things): a new folder is made owner-only, and the database's own files are always made so.
     */
    private static void secureOutsideDataFolder(H2Files files, Path dataFolder) {
        if (files.folder().startsWith(dataFolder)) {
            return; // done with the data folder
        }
        try {
            if (!Files.isDirectory(files.folder())) {
                PrivateFiles.createFolder(files.folder());
            }
        } catch (IOException e) {
            throw new DatabaseFault("cannot create the database's folder " + files.folder() + ": " + PrivateFiles.reason(e), e);
        }
        for (Path file : new Path[] {files.data(), files.trace(), files.lock(), files.passwords()}) {
            PrivateFiles.secureFile(file);
        }
    }
}
