package dev.briefings.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.aot.AotDetector;
import org.springframework.beans.BeansException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.aot.AotApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import dev.briefings.BriefingsProperties;
import dev.briefings.intake.ConfigurationException;
import dev.briefings.render.Renderers;


/** Starts the application (no web server) for one command, with the folders the command line was given. */
final class Contexts {

    private static final String NO_BACKGROUND_PREINITIALIZER = "spring.backgroundpreinitializer.ignore";

    private Contexts() {
    }

    /** The database's auto-server (which lets a second process share the file) listens on loopback only. */
    static void databaseServerOnLoopback() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    static ConfigurableApplicationContext start(Path dataDir, Path templatesDir, PrintWriter err, boolean debug) {
        return start(dataDir, templatesDir, err, null, ConsoleProgress.EVERY, debug);
    }

    /**
     * @param renderers renderers already being prepared (see {@link Renderers}), or null to make them when needed
     * @param debug     keep stack traces in the log; without it the command reports a failure in one message, and
     *                  Spring Batch's and the transaction manager's own reports of it (the same failure, with its
     *                  trace, from every layer it passed) are left out
     */
    static ConfigurableApplicationContext start(Path dataDir, Path templatesDir, PrintWriter err, Renderers renderers,
                                                long progressEvery, boolean debug) {
        databaseServerOnLoopback();
        // Spring Boot warms up what a web server needs (Tomcat, message converters) on a thread of its own: in a
        // command that thread only takes CPU from the command (a quarter of a CPU-second of a small run).
        if (System.getProperty(NO_BACKGROUND_PREINITIALIZER) == null) {
            System.setProperty(NO_BACKGROUND_PREINITIALIZER, "true");
        }
        List<String> properties = new ArrayList<>(List.of("briefings.data-dir=" + dataDir.toAbsolutePath().normalize(),
                "briefings.templates-dir=" + templatesDir.toAbsolutePath().normalize(),
                "briefings.output-dir=" + Path.of("output").toAbsolutePath().normalize(),
                // A command needs a few connections, not the pool's ten kept idle: opening the others took a thread
                // of its own through the run, and closing the pool then waited for it (the sample: 2.29 s instead
                // of 2.34 s, alternately). A setting of the installation's own still wins (these are defaults).
                "spring.datasource.hikari.minimum-idle=1"));
        if (!debug) {
            properties.addAll(List.of("logging.exception-conversion-word=%nopex",
                    "logging.level.org.springframework.batch=OFF", "logging.level.org.springframework.transaction=OFF"));
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CommandLineApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .listeners(new LogsToStandardError())
                .properties(properties.toArray(String[]::new))
                .initializers(c -> {
                    c.getBeanFactory().registerSingleton("runProgress", new ConsoleProgress(err, progressEvery));
                    if (renderers != null) {
                        c.getBeanFactory().registerSingleton("renderers", renderers);
                    }
                });
        if (!CommandLineApplication.aheadOfTime()) {
            return builder.run();
        }
        // The bean definitions as the build worked them out (see CommandLineApplication): only this context's run
        // reads them, so the flag that tells Spring to is set for that long (a server context in the same JVM, as
        // in the tests, has none and must not look for them).
        builder.initializers(AotApplicationContextInitializer.forInitializerClasses(CommandLineApplication.AOT_INITIALIZER));
        String before = System.getProperty(AotDetector.AOT_ENABLED);
        System.setProperty(AotDetector.AOT_ENABLED, "true");
        try {
            return builder.run();
        } finally {
            if (before == null) {
                System.clearProperty(AotDetector.AOT_ENABLED);
            } else {
                System.setProperty(AotDetector.AOT_ENABLED, before);
            }
        }
    }

    /**
     * Binds the project's settings now, so that a bad value (e.g. {@code briefings.desk.contact}) is a configuration
     * error before anything runs rather than a failed step (the beans are made lazily).
     */
    static void checkSettings(ConfigurableApplicationContext context) {
        try {
            context.getBean(BriefingsProperties.class);
        } catch (BeansException e) {
            Throwable root = e;
            boolean binding = false;
            while (root.getCause() != null && root.getCause() != root) {
                binding |= root instanceof BindException;
                root = root.getCause();
            }
            if (!binding) {
                throw e;
            }
            throw new ConfigurationException(root.getMessage(), e);
        }
    }
}
