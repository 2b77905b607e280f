package dev.briefings.cli;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

import dev.briefings.BriefingsProperties;
import dev.briefings.delivery.DeliveryProperties;

/**
 * What a command-line run needs, and nothing of the server: the database, the batch jobs and the project's own
 * beans, without the web, security and metrics auto-configuration (about a second of start-up on this machine).
 * The beans are named, not found by scanning the classpath: reading every class of the jar to look for
 * annotations took a few hundred milliseconds of each run. A test starts this context, so a missing one shows.
 */
@SpringBootConfiguration
@Import(CommandLineApplication.Components.class)
@EnableConfigurationProperties({BriefingsProperties.class, DeliveryProperties.class})
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class,
        TransactionAutoConfiguration.class, BatchAutoConfiguration.class, BatchJdbcAutoConfiguration.class,
        SslAutoConfiguration.class})
class CommandLineApplication {

    /** By name, because the job configurations are package-private in their features. */
    static final class Components implements ImportSelector {
        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return new String[] {"dev.briefings.database.DatabaseConfig", "dev.briefings.job.BriefingJobConfig", "dev.briefings.job.BriefingRunner",
                    "dev.briefings.history.RunHistory", "dev.briefings.delivery.DeliveryJobConfig",
                    "dev.briefings.delivery.DeliveryRunner", "dev.briefings.delivery.DeliveryLog", "dev.briefings.delivery.MailConfig",
                    "dev.briefings.alerts.Alerts",
                    "dev.briefings.retention.RetentionConfig"};
        }
    }
}
