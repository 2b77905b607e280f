package dev.briefings.cli;

import java.io.PrintWriter;
import java.io.Writer;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a command prints on standard output: the human summary, nothing ({@code --quiet}), or one JSON object
 * ({@code --json}). Errors and log lines go to standard error whichever is chosen, and exit codes do not change.
 */
final class SummaryOptions {

    /** Made on first use: most runs print no JSON, and a mapper costs the start-up 20 ms on the main thread. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    @Option(names = "--quiet", description = "Print nothing on standard output (errors still go to standard error; "
            + "the exit code says how it went).")
    boolean quiet;

    @Option(names = "--json", description = "Print one JSON object on standard output instead of the summary (for scripts).")
    boolean json;

    /** Refuses both at once: the user asked for two different outputs. */
    void check(CommandLine commandLine) {
        if (quiet && json) {
            throw new CommandLine.ParameterException(commandLine, "--quiet and --json cannot be used together: choose one");
        }
    }

    /** Where the human summary goes: standard output, or nowhere when --quiet or --json is given. */
    PrintWriter human(PrintWriter out) {
        return quiet || json ? new PrintWriter(Writer.nullWriter()) : out;
    }

    /** A new summary object for --json, or null when the summary is not JSON. */
    ObjectNode newJson(String command) {
        if (!json) {
            return null;
        }
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("command", command);
        return node;
    }

    /** Prints the summary object on one line, when there is one. */
    static void print(ObjectNode summary, PrintWriter out) {
        if (summary != null) {
            out.println(Json.MAPPER.writeValueAsString(summary));
        }
    }
}
