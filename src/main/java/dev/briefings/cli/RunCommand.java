package dev.briefings.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.briefings.briefing.PlainText;
import dev.briefings.alerts.Alerts;
import dev.briefings.compose.Preflight;
import dev.briefings.digest.Sha256;
import dev.briefings.delivery.DeliveryRunner;
import dev.briefings.filters.Filters;
import dev.briefings.history.RunHistory.Published;
import dev.briefings.intake.InputFiles;
import dev.briefings.job.BriefingParameters;
import dev.briefings.job.BriefingRunner;
import dev.briefings.publish.Manifest;
import dev.briefings.render.Renderers;
import dev.briefings.retention.Retention;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs one briefing and prints where it wrote and a summary.",
                "Without filters this is the nightly edition of every record; with --party, --stage, --kind or "
                        + "--mineral it is an ad hoc edition of the records that match (values of one filter are "
                        + "alternatives, different filters must all match).",
                "The run folder (default output/<as-of>/<edition>) holds briefing.pdf, briefing.xlsx, rejects.json "
                        + "and manifest.json, and appears whole or not at all.",
                "Running the same as-of date and edition again after a success does nothing (use --force); after a "
                        + "failure or a crash it resumes where the run stopped.",
                "For scripts: --quiet prints nothing on standard output, --json one JSON object (status, asOf, "
                        + "edition, revision, folder, files, counts, totals; delivery with --distribute)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the briefing was written (rejected records or not), or already had been",
                "1:the run failed (run the same command again to resume it)",
                "2:usage or configuration error (the message says what to fix)",
                "3:with --distribute: the briefing was written but some recipients did not get it (see deliveries.json)"})
final class RunCommand implements Callable<Integer>, Faults.Command {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "DIR", defaultValue = "input",
            description = "Input folder: initiatives/*.json|*.jsonl, fx-rates.json, market-context.json (default: ${DEFAULT-VALUE}).")
    Path input;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Write the briefing into exactly this folder (default: output/<as-of>/<edition>).")
    Path output;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The briefing's as-of date, 2000-01-01 to 2100-12-31 (default: today).")
    LocalDate asOf;

    @Option(names = "--template", paramLabel = "NAME", defaultValue = "default",
            description = "Template folder under the templates folder (default: ${DEFAULT-VALUE}).")
    String template;

    @Option(names = "--party", paramLabel = "XX", split = ",", description = "Only records with this party (ISO 3166-1 alpha-2, e.g. AU). Repeatable.")
    List<String> parties = new ArrayList<>();

    @Option(names = "--stage", paramLabel = "STAGE", split = ",", description = "Only records with this stage (MINING, PROCESSING, REFINING, MAGNETS, RECYCLING, STOCKPILING, RESEARCH). Repeatable.")
    List<String> stages = new ArrayList<>();

    @Option(names = "--kind", paramLabel = "KIND", split = ",", description = "Only records of this kind (PARTNERSHIP, FEDERAL_PROGRAM, LEGISLATION, PRIVATE_PROJECT, RESEARCH_AGREEMENT, STOCKPILE). Repeatable.")
    List<String> kinds = new ArrayList<>();

    @Option(names = "--mineral", paramLabel = "M", split = ",", description = "Only records naming this mineral (e.g. \"rare earths\", NdPr). Repeatable.")
    List<String> minerals = new ArrayList<>();

    @Option(names = "--distribute", description = "Then deliver the briefing to the recipients in the input folder's recipients.json (see distribute --help).")
    boolean distribute;

    @Option(names = "--force", description = "Run again even though this as-of date and edition already completed (a new revision replaces the folder).")
    boolean force;

    @CommandLine.Mixin
    FolderOptions folders;

    @CommandLine.Mixin
    DebugOption debugOption;

    @CommandLine.Mixin
    SummaryOptions summary;

    @Option(names = "--progress-every", hidden = true, defaultValue = "100000",
            description = "Records between progress lines on stderr (for tests).")
    long progressEvery;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        summary.check(spec.commandLine());
        PrintWriter human = summary.human(out);
        ObjectNode json = summary.newJson("run");
        var filters = new Filters(parties, stages, kinds, minerals);
        List<Filters.Problem> problems = filters.problems();
        if (!problems.isEmpty()) {
            // Worded as the options they came from, e.g. "--stage 'MINNING' is not one of ...".
            throw new CommandLine.ParameterException(spec.commandLine(), problems.stream()
                    .map(p -> "--" + p.filter() + " " + p.message()).collect(Collectors.joining("; ")));
        }
        String asOfProblem = BriefingParameters.asOfProblem(asOf);
        if (asOfProblem != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--as-of " + asOfProblem);
        }
        if (!template.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--template '" + PlainText.visible(template) + "' is not a template name (letters, digits, - and _)");
        }
        Path inputDir = input.toAbsolutePath().normalize();
        Path outputDir = output == null ? null : output.toAbsolutePath().normalize();
        Path templates = folders.templatesDir.toAbsolutePath().normalize();
        Preflight.check(inputDir, templates, template, outputDir);

        var parameters = new BriefingParameters(asOf == null ? LocalDate.now() : asOf, null, filters, template, 1,
                inputDir, outputDir);
        // While the application starts, a second thread opens the workbook's template and makes the PDF renderer
        // ready for its first render (template parsed, fonts read): the compose step's start and its PDF then do
        // less. (Rendering a whole made-up PDF ahead, as the server does, took more of the second core than it
        // saved: measured alternately, the 26-record sample took 2.40 s with this, 2.48 s with that.)
        var renderers = new Renderers();
        renderers.prepareForOneRun(templates.resolve(template));
        Sha256.prepareFor(InputFiles.recordBytes(InputFiles.initiativesDir(inputDir)));
        try (renderers; ConfigurableApplicationContext context = Contexts.start(folders.dataDir, templates, err, renderers,
                Math.max(1, progressEvery), debug())) {
            Contexts.checkSettings(context);
            BriefingRunner runner = context.getBean(BriefingRunner.class);
            BriefingRunner.Outcome outcome = runner.run(parameters, force);
            int code = report(outcome, human, err, json);
            if (outcome instanceof BriefingRunner.Outcome.Failed failed && outcome.parameters().filters().isEmpty()) {
                // A nightly run from cron: nobody reads its output, so the operations address is told.
                context.getBean(Alerts.class).nightlyFailed(failed, "the command line: " + BriefingsCli.invokedAs()
                        + " run (as of " + outcome.parameters().asOf() + ")", "run the same command again: it "
                        + "resumes at the step where it stopped");
            }
            if (code == BriefingsCli.OK && outcome instanceof BriefingRunner.Outcome.Completed
                    && outcome.parameters().filters().isEmpty()) {
                Retention retention = context.getBean(Retention.class);
                if (retention.configured()) {
                    List<Published> removed = retention.apply();
                    RetentionCommand.print(removed, false, human);
                    if (json != null) {
                        JsonSummaries.retention(json.putObject("retention"), removed, false);
                    }
                }
            }
            if (!distribute || code != BriefingsCli.OK || outcome instanceof BriefingRunner.Outcome.AlreadyRunning) {
                return finish(json, code, out);
            }
            Path folder = outcome instanceof BriefingRunner.Outcome.Completed c ? c.runFolder()
                    : ((BriefingRunner.Outcome.AlreadyDone) outcome).runFolder();
            DeliveryRunner.Report delivered = context.getBean(DeliveryRunner.class).distribute(folder, inputDir, template);
            if (json != null) {
                JsonSummaries.delivery(json.putObject("delivery"), delivered);
            }
            return finish(json, DistributeCommand.report(delivered, human, err, summary.quiet), out);
        }
    }

    @Override
    public boolean debug() {
        return debugOption != null && debugOption.debug;
    }

    /** The output folder (a run folder given with --output is written beside it first) and the data folder. */
    @Override
    public List<Faults.Folder> faultFolders() {
        Path out = (output == null ? Path.of("output") : output).toAbsolutePath().normalize();
        Path scope = output == null || out.getParent() == null ? out : out.getParent();
        return List.of(new Faults.Folder("output folder", "--output", out, scope),
                new Faults.Folder("data folder", "--data", folders.dataDir));
    }

    /** Prints the --json summary, if asked for, with the exit code the command ends with. */
    static int finish(ObjectNode json, int code, PrintWriter out) {
        if (json != null) {
            json.put("exitCode", code);
            SummaryOptions.print(json, out);
        }
        return code;
    }

    /**
     * Says how the run went: the human summary on {@code out}, problems on {@code err}, and, when {@code json} is not
     * null, the same in it (status {@code completed}, {@code already-done}, {@code already-running} or {@code failed}).
     */
    private int report(BriefingRunner.Outcome outcome, PrintWriter out, PrintWriter err, ObjectNode json) {
        BriefingParameters p = outcome.parameters();
        String what = "briefing " + p.asOf() + " / " + p.edition();
        if (outcome instanceof BriefingRunner.Outcome.AlreadyDone done) {
            out.println("The " + what + " was already written to " + done.runFolder() + "; nothing was redone.");
            out.println("Use --force to run it again.");
            if (json != null) {
                json.put("status", "already-done");
                JsonSummaries.briefing(json, Manifest.read(done.runFolder().resolve(Manifest.FILE_NAME)), done.runFolder());
            }
            return BriefingsCli.OK;
        }
        if (outcome instanceof BriefingRunner.Outcome.AlreadyRunning) {
            err.println("briefings: the " + what + " is being run by another process right now; try again when it ends.");
            if (json != null) {
                json.put("status", "already-running");
                json.put("asOf", p.asOf().toString());
                json.put("edition", p.edition());
            }
            return BriefingsCli.FAILED;
        }
        if (outcome instanceof BriefingRunner.Outcome.Failed failed) {
            List<Faults.Folder> written = faultFolders();
            String fault = Faults.diskFull(failed.causes(), written, failed.beforePublishing() ? written.get(1) : null);
            if (fault != null) {
                err.println("briefings: the " + what + " failed, nothing was published: " + fault);
            } else {
                err.println("briefings: the " + what + " failed (" + failed.execution().getStatus() + "):");
                for (Throwable t : failed.causes()) {
                    err.println("  " + PlainText.visible(message(t)));
                }
                err.println("Nothing was published. Run the same command again to resume from where it stopped.");
            }
            if (debug()) {
                failed.causes().forEach(t -> t.printStackTrace(err));
            }
            if (json != null) {
                json.put("status", "failed");
                json.put("asOf", p.asOf().toString());
                json.put("edition", p.edition());
                json.put("revision", p.revision());
                var errors = json.putArray("errors");
                failed.causes().forEach(t -> errors.add(message(t)));
            }
            return BriefingsCli.FAILED;
        }
        var completed = (BriefingRunner.Outcome.Completed) outcome;
        Manifest m = Manifest.read(completed.runFolder().resolve(Manifest.FILE_NAME));
        if (json != null) {
            json.put("status", "completed");
            json.put("resumed", completed.resumed());
            JsonSummaries.briefing(json, m, completed.runFolder());
        }
        out.println((completed.resumed() ? "Resumed and wrote the " : "Wrote the ") + what
                + (p.revision() > 1 ? " (revision " + p.revision() + ")" : "") + " to " + completed.runFolder());
        m.outputs().forEach(o -> out.printf("  %-14s %,12d bytes%n", o.file(), o.size()));
        out.printf("Records:  %,d read = %,d accepted + %,d rejected; %,d in scope%n",
                m.counts().read(), m.counts().accepted(), m.counts().rejected(), m.counts().included());
        out.printf("Funding:  USD %,.2f committed, USD %,.2f proposed (carve-outs counted once)%n",
                m.totals().committedUsd(), m.totals().proposedUsd());
        if (m.counts().rejected() > 0) {
            out.println("Rejected records and their reasons: " + completed.runFolder().resolve("rejects.json"));
        }
        return BriefingsCli.OK;
    }

    private static String message(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = t.getMessage();
        return root == t || m == null ? String.valueOf(t.getMessage() == null ? t : m) : m + " (" + root.getMessage() + ")";
    }
}
