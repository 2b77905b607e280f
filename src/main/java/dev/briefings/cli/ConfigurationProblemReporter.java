package dev.briefings.cli;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import dev.briefings.intake.ConfigurationException;

/**
 * Keeps Spring Boot from logging a configuration mistake found at start-up (e.g. a retired mail property) as
 * "Application run failed" with a stack trace: the command line prints its message (registered in
 * META-INF/spring.factories).
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ConfigurationProblemReporter implements SpringBootExceptionReporter {

    @Override
    public boolean reportException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConfigurationException) {
                return true;
            }
        }
        return false;
    }
}
