package dev.briefings.database;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Keeps Spring Boot from logging a {@link DatabaseFault} as "Application run failed" with its stack trace: the
 * command line prints the fault's message, which says all there is to say (registered in META-INF/spring.factories).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseFaultReporter implements SpringBootExceptionReporter {

    @Override
    public boolean reportException(Throwable failure) {
        return DatabaseFault.in(failure) != null;
    }
}
