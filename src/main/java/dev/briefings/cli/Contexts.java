package dev.briefings.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.springframework.beans.BeansException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ConfigurableApplicationContext;

import dev.briefings.BriefingsProperties;
import dev.briefings.intake.ConfigurationException;
import dev.briefings.render.Renderers;


/** Starts the application (no web server) for one command, with the folders the command line was given. */
final class Contexts {

    private Contexts() {
    }

    /** The database's auto-server (which lets a second process share the file) listens on loopback only. */
    static void databaseServerOnLoopback() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    static ConfigurableApplicationContext start(Path dataDir, Path templatesDir, PrintWriter err) {
        return start(dataDir, templatesDir, err, null, ConsoleProgress.EVERY);
    }

    /** @param renderers renderers already being prepared (see {@link Renderers}), or null to make them when needed */
    static ConfigurableApplicationContext start(Path dataDir, Path templatesDir, PrintWriter err, Renderers renderers,
                                                long progressEvery) {
        databaseServerOnLoopback();
        return new SpringApplicationBuilder(CommandLineApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .listeners(new LogsToStandardError())
                .properties("briefings.data-dir=" + dataDir.toAbsolutePath().normalize(),
                        "briefings.templates-dir=" + templatesDir.toAbsolutePath().normalize(),
                        "briefings.output-dir=" + Path.of("output").toAbsolutePath().normalize())
                .initializers(c -> {
                    c.getBeanFactory().registerSingleton("runProgress", new ConsoleProgress(err, progressEvery));
                    if (renderers != null) {
                        c.getBeanFactory().registerSingleton("renderers", renderers);
                    }
                })
                .run();
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
