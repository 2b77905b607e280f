package dev.briefings.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.briefings.history.RunHistory.Published;
import dev.briefings.retention.Retention;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "retention", mixinStandardHelpOptions = true,
        description = {"Removes published briefings that briefings.retention.keep-days / keep-runs no longer keep: their "
                + "run folders, their run history and their job records (the delivery log is kept). A nightly run "
                + "does this by itself once it has published. The latest nightly briefing is always kept.",
                "Set the rules in application.properties (briefings.retention.keep-days=N, keep-runs=N) or in the environment "
                        + "(BRIEFINGS_RETENTION_KEEP_DAYS, BRIEFINGS_RETENTION_KEEP_RUNS)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (or nothing to do)", "1:a removal failed", "2:usage or configuration error"})
final class RetentionCommand implements Callable<Integer>, Faults.Command {

    @Spec
    CommandSpec spec;

    @Mixin
    FolderOptions folders;

    @Option(names = "--dry-run", description = "List what would be removed, and remove nothing.")
    boolean dryRun;

    @Mixin
    DebugOption debugOption;

    @Override
    public boolean debug() {
        return debugOption != null && debugOption.debug;
    }

    @Override
    public List<Faults.Folder> faultFolders() {
        return List.of(new Faults.Folder("data folder", "--data", folders.dataDir));
    }

    @Mixin
    SummaryOptions summary;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        summary.check(spec.commandLine());
        PrintWriter human = summary.human(out);
        ObjectNode json = summary.newJson("retention");
        try (ConfigurableApplicationContext context = Contexts.start(folders.dataDir, folders.templatesDir, err, debug())) {
            Retention retention = context.getBean(Retention.class);
            if (json != null) {
                json.put("configured", retention.configured());
            }
            if (!retention.configured()) {
                human.println("Retention is not configured (briefings.retention.keep-days, briefings.retention.keep-runs):"
                        + " every briefing is kept.");
                if (json != null) {
                    JsonSummaries.retention(json, List.of(), dryRun);
                }
                return RunCommand.finish(json, BriefingsCli.OK, out);
            }
            List<Published> listed = dryRun ? retention.expired() : retention.apply();
            print(listed, dryRun, human);
            if (json != null) {
                JsonSummaries.retention(json, listed, dryRun);
            }
            return RunCommand.finish(json, BriefingsCli.OK, out);
        }
    }

    static void print(List<Published> listed, boolean dryRun, PrintWriter out) {
        if (listed.isEmpty()) {
            out.println("Retention: nothing to remove.");
            return;
        }
        out.println((dryRun ? "Retention would remove " : "Retention removed ") + listed.size() + " briefing"
                + (listed.size() == 1 ? "" : "s") + ":");
        for (Published p : listed) {
            out.println("  " + p.asOf() + " / " + p.edition() + " (revision " + p.revision() + ")  " + p.runFolder());
        }
    }
}
