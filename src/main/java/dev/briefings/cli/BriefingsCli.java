package dev.briefings.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import dev.briefings.database.DatabaseFault;
import dev.briefings.intake.ConfigurationException;

/**
 * The command line: {@code run} a briefing, {@code generate} synthetic records. Exit codes: 0 the briefing was
 * written (or already was), 1 the run failed, 2 a usage or configuration error.
 */
@Command(name = "briefings", mixinStandardHelpOptions = true, versionProvider = BriefingsCli.Version.class,
        subcommands = {RunCommand.class, DistributeCommand.class, RetentionCommand.class, GenerateCommand.class, ServeCommand.class, CommandLine.HelpCommand.class},
        description = {"Turns curated records of critical-minerals supply-chain initiatives into investor briefings: "
                + "a PDF research note and an Excel workbook, with a manifest and a list of rejected records.",
                "",
                "Exit codes: 0 briefing written (or already written), 1 run failed, 2 usage or configuration error, 3 some recipients not delivered (run --distribute, distribute)."})
public final class BriefingsCli implements Runnable {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, distribute, retention, generate, serve or help");
    }

    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new BriefingsCli());
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
            err.println("briefings: " + e.getMessage());
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
                // "Did you mean: run?" for a mistyped command or option.
                CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err);
            }
            err.println("Try '" + invokedAs() + " " + (e.getCommandLine().getCommandName().equals("briefings")
                    ? "" : e.getCommandLine().getCommandName() + " ") + "--help'.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            DatabaseFault databaseFault = DatabaseFault.in(e);
            if (databaseFault != null) {
                // Alone: Spring's chain of beans that needed the database says nothing the user can act on.
                err.println("briefings: " + databaseFault.getMessage());
                return USAGE;
            }
            ConfigurationException configuration = configurationProblem(e);
            if (configuration != null) {
                // Also from inside Spring's start-up (a mail setting in error): the chain of beans adds nothing.
                err.println("briefings: configuration error: " + configuration.getMessage());
                return USAGE;
            }
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            err.println("briefings: the run failed: " + (root == e ? e : root + "\n  (while: " + e.getMessage() + ")"));
            return FAILED;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
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
