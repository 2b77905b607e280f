package dev.briefings.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: a failure is told in one message; with this option its stack traces follow (for a bug report). */
final class DebugOption {

    @Option(names = "--debug", description = "On a failure, print the stack traces too (for a bug report).")
    boolean debug;
}
