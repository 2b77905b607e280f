package dev.briefings.cli;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;

/**
 * Sends the console log to standard error, so that standard output carries the command's summary alone (a script
 * can read it; {@code 2>run.log} keeps the log). Boot's own console appender is kept, with its pattern and level;
 * only its target changes, right after Boot has set logging up.
 */
final class LogsToStandardError implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another logging system: its own configuration decides
        }
        var appenders = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
        while (appenders.hasNext()) {
            if (appenders.next() instanceof ConsoleAppender<?> console && !"System.err".equals(console.getTarget())) {
                console.stop();
                console.setTarget("System.err");
                console.start();
            }
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
