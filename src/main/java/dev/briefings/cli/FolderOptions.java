package dev.briefings.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The folders every command that starts the application shares. */
final class FolderOptions {

    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
            description = "Templates folder (default: ${DEFAULT-VALUE}).")
    Path templatesDir;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Database, work and snapshot folder (default: ${DEFAULT-VALUE}).")
    Path dataDir;
}
