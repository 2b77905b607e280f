package dev.briefings.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.briefings.delivery.DeliveryRunner;
import dev.briefings.intake.ConfigurationException;
import dev.briefings.publish.Manifest;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "distribute", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Delivers a briefing already written to the recipients in recipients.json of the input it was "
                + "made from (or of --input DIR): each gets "
                + "a personalised PDF (marked with their name on every page; encrypted when they ask) by e-mail, "
                + "or into the run folder's outbox/ as .eml files when no SMTP server is configured.",
                "Recipients with interests get the edition filtered to them (made once per distinct set). "
                        + "Running it again sends only to those not yet delivered; the log is in the database and "
                        + "in deliveries.json in the run folder.",
                "SMTP: Spring Boot's spring.mail.host, .port, .username, .protocol (smtps for implicit TLS), "
                        + ".properties.mail.smtp.starttls.enable/.required in application.properties or "
                        + "SPRING_MAIL_HOST etc.; the password best from SPRING_MAIL_PASSWORD."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every recipient has the briefing",
                "1:the delivery run failed",
                "2:usage or configuration error",
                "3:some recipients did not get it (failed, uncertain or rejected; see deliveries.json)"})
final class DistributeCommand implements Callable<Integer>, Faults.Command {

    static final int SOME_UNDELIVERED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "The run folder of the briefing to deliver.")
    Path run;

    @Option(names = "--input", paramLabel = "DIR",
            description = "Input folder with recipients.json (and the records for interest editions) (default: the "
                    + "input the briefing was made from, as its manifest records).")
    Path input;

    @Option(names = "--template", paramLabel = "NAME", defaultValue = "default", description = "Template of the mail text and of interest editions (default: ${DEFAULT-VALUE}).")
    String template;

    @CommandLine.Mixin
    FolderOptions folders;

    @CommandLine.Mixin
    DebugOption debugOption;

    @Override
    public boolean debug() {
        return debugOption != null && debugOption.debug;
    }

    /** The run folder (copies and outbox go there) and the data folder. */
    @Override
    public List<Faults.Folder> faultFolders() {
        return List.of(new Faults.Folder("run folder", "--run", run),
                new Faults.Folder("data folder", "--data", folders.dataDir));
    }

    @CommandLine.Mixin
    SummaryOptions summary;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        summary.check(spec.commandLine());
        PrintWriter human = summary.human(out);
        ObjectNode json = summary.newJson("distribute");
        Path runFolder = run.toAbsolutePath().normalize();
        Path inputDir = input == null ? manifestInput(runFolder) : input.toAbsolutePath().normalize();
        human.println("Recipients: " + inputDir.resolve("recipients.json")
                + (input == null ? " (the input this briefing was made from)" : ""));
        try (ConfigurableApplicationContext context = Contexts.start(folders.dataDir, folders.templatesDir, err, debug())) {
            Contexts.checkSettings(context);
            DeliveryRunner.Report delivered = context.getBean(DeliveryRunner.class).distribute(runFolder, inputDir, template);
            if (json != null) {
                json.put("folder", runFolder.toString());
                json.put("recipients", inputDir.resolve("recipients.json").toString());
                JsonSummaries.delivery(json.putObject("delivery"), delivered);
            }
            return RunCommand.finish(json, report(delivered, human, err, summary.quiet), out);
        }
    }

    /** The input folder a run folder's manifest records; a briefing made before manifests recorded it needs --input. */
    private Path manifestInput(Path runFolder) {
        Path file = runFolder.resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--run " + runFolder + " holds no briefing (no " + Manifest.FILE_NAME + ")");
        }
        String recorded;
        try {
            recorded = Manifest.read(file).input();
        } catch (RuntimeException e) {
            throw new ConfigurationException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (recorded == null) {
            throw new ConfigurationException(file + " does not say which input the briefing was made from (it was "
                    + "written by an earlier version): name the folder with recipients.json with --input DIR");
        }
        return Path.of(recorded);
    }

    /** @param quiet whether the summary is not shown: then who did not get the briefing is also said on {@code err} */
    static int report(DeliveryRunner.Report r, PrintWriter out, PrintWriter err, boolean quiet) {
        out.printf("Delivery (%s): %d delivered now, %d already delivered, %d failed, %d uncertain, %d recipients rejected%n",
                r.channel(), r.delivered(), r.alreadyDelivered(), r.failed(), r.uncertain(), r.rejected().size());
        out.println("Delivery log: " + r.runFolder().resolve(DeliveryRunner.DELIVERIES));
        if ("outbox".equals(r.channel())) {
            out.println("Messages: " + r.runFolder().resolve("outbox"));
        }
        for (var issue : r.rejected()) {
            err.println("  recipient " + issue.position() + (issue.id() == null ? "" : " (" + issue.id() + ")") + ": "
                    + String.join("; ", issue.reasons()));
        }
        if (r.status() != org.springframework.batch.core.BatchStatus.COMPLETED) {
            err.println("briefings: the delivery run " + r.status() + "; run it again to continue (nobody gets a copy twice).");
            r.errors().forEach(e -> err.println("  " + e));
            return BriefingsCli.FAILED;
        }
        if (r.allDelivered()) {
            return BriefingsCli.OK;
        }
        if (quiet) {
            err.printf("briefings: %d failed, %d uncertain, %d recipients rejected; see %s%n", r.failed(), r.uncertain(),
                    r.rejected().size(), r.runFolder().resolve(DeliveryRunner.DELIVERIES));
        }
        return SOME_UNDELIVERED;
    }
}
