package dev.briefings.cli;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

import dev.briefings.BriefingsApplication;

/**
 * What a command-line run needs, and nothing of the server: the database, the batch jobs and the project's own
 * beans, without the web, security and metrics auto-configuration (about a second of start-up on this machine).
 */
@SpringBootConfiguration
@ComponentScan(basePackages = "dev.briefings", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BriefingsApplication.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = {"dev\\.briefings\\.web\\..*", "dev\\.briefings\\.schedule\\..*"})})
@ConfigurationPropertiesScan("dev.briefings")
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, DataSourceInitializationAutoConfiguration.class,
        TransactionAutoConfiguration.class, BatchAutoConfiguration.class, BatchJdbcAutoConfiguration.class})
class CommandLineApplication {
}
