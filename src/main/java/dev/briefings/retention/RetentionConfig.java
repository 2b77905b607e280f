package dev.briefings.retention;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.briefings.history.RunHistory;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionConfig {

    @Bean
    Retention retention(RetentionProperties settings, RunHistory history, JobRepository jobs) {
        return new Retention(settings, history, jobs);
    }
}
