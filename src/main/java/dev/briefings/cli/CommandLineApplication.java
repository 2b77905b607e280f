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
import org.springframework.util.ClassUtils;

import dev.briefings.BriefingsProperties;
import dev.briefings.delivery.DeliveryProperties;

/**
 * What a command-line run needs, and nothing of the server: the database, the batch jobs and the project's own
 * beans, without the web, security and metrics auto-configuration (about a second of start-up on this machine).
 * The beans are named, not found by scanning the classpath: reading every class of the jar to look for
 * annotations took a few hundred milliseconds of each run. A test starts this context, so a missing one shows.
 *
 * <p>The build also works out this context's bean definitions ahead of time (Spring AOT: the {@code process-aot}
 * goal in pom.xml runs {@link #main}), into generated code that {@link Contexts#start} then uses: no configuration
 * classes parsed, no conditions evaluated, no reflection to make the beans at each run. As with any Spring AOT
 * context, what the conditions decided is fixed at build time: a property that switches a Spring Boot feature on or
 * off (e.g. {@code spring.flyway.enabled}) is not read by a command. The project's own settings are read as ever.
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

    /** The class Spring AOT generates for this context, named after the class it was processed from. */
    static final String AOT_INITIALIZER = CommandLineApplication.class.getName() + "__ApplicationContextInitializer";

    /** Whether the build generated this context's definitions (and this is not the build generating them). */
    static boolean aheadOfTime() {
        return !Boolean.getBoolean("spring.aot.processing")
                && ClassUtils.isPresent(AOT_INITIALIZER, CommandLineApplication.class.getClassLoader());
    }

    /**
     * For the build's {@code process-aot} goal only: starts this context as a command does, which Spring AOT stops
     * before anything runs, to generate its definitions.
     */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Path work = java.nio.file.Files.createTempDirectory("briefings-aot-");
        work.toFile().deleteOnExit(); // stays empty: the context never gets as far as the database
        Contexts.start(work.resolve("data"), work.resolve("templates"),
                new java.io.PrintWriter(System.err, true), false);
    }

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
