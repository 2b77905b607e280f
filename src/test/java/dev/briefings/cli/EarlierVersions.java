package dev.briefings.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

import dev.briefings.BriefingsProperties;
import dev.briefings.delivery.DeliveryProperties;

/**
 * The command line's application as earlier versions made their databases, for the upgrade tests: the same jobs,
 * the schema by scripts run at every start (the earlier script is a test resource), and either Spring Boot's own
 * data source (user sa, no password: before the database was secured) or the secured database of today (the last
 * version before Flyway). Not a {@code @Configuration}, so that no component scan of dev.briefings picks it up.
 */
@Import(EarlierVersions.Components.class)
@EnableConfigurationProperties({BriefingsProperties.class, DeliveryProperties.class})
@ImportAutoConfiguration({
        org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
        org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration.class,
        org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
        org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration.class,
        org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration.class,
        org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration.class,
        org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration.class,
        org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration.class,
        org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration.class})
final class EarlierVersions {

    private static final String SECURED = "earlier.secured-database";

    private EarlierVersions() {
    }

    /** The versions before the database was secured: Spring Boot's data source as user sa, no password. */
    static ConfigurableApplicationContext beforeSecurity(Path data) {
        return start(data, false, "spring.datasource.username=sa", "spring.datasource.password=");
    }

    /** The last version before Flyway: the database secured as now (its owner and the application's user). */
    static ConfigurableApplicationContext beforeFlyway(Path data) {
        return start(data, true);
    }

    /** The end-to-end sample input with two recipients, as the upgrade tests deliver to them. */
    static Path inputWithRecipients(Path folder) throws IOException {
        Path input = CliRun.copyResource("e2e/input", folder);
        Files.writeString(input.resolve("recipients.json"), """
                [{"id": "alice", "name": "Alice Archer", "email": "alice@example.org", "organization": "Archer Capital"},
                 {"id": "kenji", "name": "Kenji Sato", "email": "kenji@example.org", "organization": "Sato Asset Management"}]""");
        return input;
    }

    private static ConfigurableApplicationContext start(Path data, boolean secured, String... more) {
        Contexts.databaseServerOnLoopback();
        List<String> properties = new ArrayList<>(List.of("briefings.data-dir=" + data.toAbsolutePath(),
                "briefings.templates-dir=" + Path.of("templates").toAbsolutePath(), SECURED + "=" + secured));
        properties.addAll(List.of(more));
        return new SpringApplicationBuilder(EarlierVersions.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(properties.toArray(String[]::new))
                // How the versions before Flyway made the schema: scripts at every start (over application.properties).
                .run("--spring.sql.init.mode=always", "--spring.sql.init.schema-locations=classpath:earlier/schema-briefings.sql",
                        "--spring.batch.jdbc.initialize-schema=always", "--spring.flyway.enabled=false");
    }

    static final class Components implements ImportSelector, EnvironmentAware {
        private boolean secured;

        @Override
        public void setEnvironment(Environment environment) {
            secured = environment.getProperty(SECURED, Boolean.class, false);
        }

        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            List<String> beans = new ArrayList<>(List.of("dev.briefings.job.BriefingJobConfig",
                    "dev.briefings.job.BriefingRunner", "dev.briefings.history.RunHistory",
                    "dev.briefings.delivery.DeliveryJobConfig", "dev.briefings.delivery.DeliveryRunner",
                    "dev.briefings.delivery.DeliveryLog", "dev.briefings.delivery.MailConfig"));
            if (secured) {
                beans.add(0, "dev.briefings.database.DatabaseConfig");
            }
            return beans.toArray(String[]::new);
        }
    }
}
