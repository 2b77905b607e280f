package dev.briefings.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.briefings.BriefingsApplication;
import dev.briefings.web.SampleCredentials;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Starts the web server: the briefings REST API under /api (HTTP basic) and pages (form login).",
                "Binds to 127.0.0.1:8080 unless told otherwise (--host/--port, or server.address/server.port). "
                        + "Refuses to listen beyond loopback while the sample users are configured.",
                "Runs until stopped (Ctrl-C)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the server was stopped", "1:the server failed",
                "2:usage or configuration error (e.g. sample users on a non-loopback address)"})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: server.address, else 127.0.0.1).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: server.port, else 8080).")
    Integer port;

    @Option(names = "--input", paramLabel = "DIR", defaultValue = "input", description = "Input folder (default: ${DEFAULT-VALUE}).")
    Path input;

    @CommandLine.Mixin
    FolderOptions folders;

    @Override
    public Integer call() throws Exception {
        Contexts.databaseServerOnLoopback();
        // Options given on the command line outrank configuration; the defaults rank below it.
        List<String> args = new ArrayList<>();
        if (host != null) {
            args.add("--server.address=" + host);
        }
        if (port != null) {
            args.add("--server.port=" + port);
        }
        CountDownLatch closed = new CountDownLatch(1);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BriefingsApplication.class)
                .web(WebApplicationType.SERVLET)
                .logStartupInfo(true)
                .listeners(new SampleCredentials(), new LogsToStandardError())
                .properties("server.address=127.0.0.1", "server.port=8080",
                        "briefings.data-dir=" + folders.dataDir.toAbsolutePath().normalize(),
                        "briefings.templates-dir=" + folders.templatesDir.toAbsolutePath().normalize(),
                        "briefings.output-dir=" + Path.of("output").toAbsolutePath().normalize(),
                        "briefings.web.input=" + input.toAbsolutePath().normalize(),
                        "logging.level.org.springframework.boot.tomcat=INFO")
                .run(args.toArray(String[]::new));
        context.addApplicationListener(e -> {
            if (e instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (context.isActive()) {
            closed.await();
        }
        return BriefingsCli.OK;
    }
}
