package dev.briefings.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;

import dev.briefings.briefing.PlainText;
import dev.briefings.database.DatabaseFault;
import dev.briefings.intake.ConfigurationException;

/**
 * The command line: {@code run} a briefing, {@code generate} synthetic records. Exit codes: 0 the briefing was
 * written (or already was), 1 the run failed, 2 a usage or configuration error.
 */
@Command(name = "briefings", mixinStandardHelpOptions = true, versionProvider = BriefingsCli.Version.class,
        description = {"Turns curated records of critical-minerals supply-chain initiatives into investor briefings: "
                + "a PDF research note and an Excel workbook, with a manifest and a list of rejected records.",
                "",
                "Exit codes: 0 briefing written (or already written), 1 run failed, 2 usage or configuration error, 3 some recipients not delivered (run --distribute, distribute)."})
public final class BriefingsCli implements Runnable {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** The commands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(RunCommand.class, DistributeCommand.class,
            RetentionCommand.class, GenerateCommand.class, ServeCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, distribute, retention, generate, serve or help");
    }

    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new BriefingsCli());
        // picocli reads a command's options by reflection, on the start's critical path (all five: some 145 ms, run
        // alone: 95 ms): a command line that names a command gets that one only; any other (help, --version, a
        // mistyped command to suggest for) gets all of them.
        String first = args.length > 0 ? args[0] : "";
        List<Class<?>> named = COMMANDS.stream()
                .filter(c -> !c.equals(CommandLine.HelpCommand.class) && c.getAnnotation(Command.class).name().equals(first))
                .toList();
        (named.isEmpty() ? COMMANDS : named).forEach(cl::addSubcommand);
        cl.setOut(out);
        cl.setErr(err);
        cl.registerConverter(java.time.LocalDate.class, text -> {
            try {
                return java.time.LocalDate.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a date in the form YYYY-MM-DD");
            }
        });
        cl.setExitCodeExceptionMapper(e -> e instanceof ConfigurationException ? USAGE : FAILED);
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("briefings: " + PlainText.visible(e.getMessage()));
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
                // "Did you mean: run?" for a mistyped command or option.
                CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err);
            }
            err.println("Try '" + invokedAs() + " " + (e.getCommandLine().getCommandName().equals("briefings")
                    ? "" : e.getCommandLine().getCommandName() + " ") + "--help'.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            Faults.Command command = c.getCommand() instanceof Faults.Command fc ? fc : null;
            boolean debug = command != null && command.debug();
            int code = reportFailure(e, command, err);
            if (debug) {
                e.printStackTrace(err);
            }
            return code;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** One message for an exception that ended a command, and its exit code. */
    private static int reportFailure(Exception e, Faults.Command command, PrintWriter err) {
        DatabaseFault databaseFault = DatabaseFault.in(e);
        if (databaseFault != null) {
            // Alone: Spring's chain of beans that needed the database says nothing the user can act on.
            err.println("briefings: " + databaseFault.getMessage());
            return USAGE;
        }
        ConfigurationException configuration = configurationProblem(e);
        if (configuration != null) {
            // Also from inside Spring's start-up (a mail setting in error): the chain of beans adds nothing.
            err.println("briefings: configuration error: " + PlainText.visible(configuration.getMessage()));
            return USAGE;
        }
        // A setting that cannot be bound (briefings.desk.contact=..., say) is the user's to fix, wherever it surfaced.
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.boot.context.properties.bind.BindException bind) {
                // The innermost reason is the setting's own check ("briefings.desk.contact '...' is neither ...").
                Throwable reason = bind;
                while (reason.getCause() != null && reason.getCause() != reason) {
                    reason = reason.getCause();
                }
                err.println("briefings: configuration error: " + PlainText.visible(reason.getMessage() == null
                        ? bind.getMessage() : reason.getMessage()));
                return USAGE;
            }
        }
        if (e instanceof InvalidJobParametersException) {
            // The fronts check the same rules first; this is the job's own check agreeing with them.
            err.println("briefings: " + PlainText.visible(e.getMessage()));
            return USAGE;
        }
        String fault = command == null ? null : Faults.diskFull(List.of(e), command.faultFolders());
        if (fault != null) {
            err.println("briefings: the run failed: " + fault);
            return FAILED;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        err.println("briefings: the run failed: " + (root == e ? PlainText.visible(String.valueOf(e))
                : PlainText.visible(String.valueOf(root)) + "\n  (while: " + PlainText.visible(e.getMessage()) + ")"));
        return FAILED;
    }

    private static ConfigurationException configurationProblem(Throwable e) {
        java.util.Set<Throwable> seen = new java.util.HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof ConfigurationException c) {
                return c;
            }
        }
        return null;
    }

    /** How the user started this program, for hints: the launcher says so (bin/briefings), else the jar. */
    static String invokedAs() {
        String command = System.getProperty("briefings.command");
        return command == null || command.isBlank() ? "java -jar target/briefings.jar" : command;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BriefingsCli.class.getPackage().getImplementationVersion();
            return new String[] {"briefings " + (v == null ? "dev" : v),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ") at "
                            + System.getProperty("java.home")};
        }
    }
}
