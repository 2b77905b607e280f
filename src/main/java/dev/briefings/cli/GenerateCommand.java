package dev.briefings.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.briefings.generate.SyntheticInitiatives;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes an input folder of synthetic but valid records, for benchmarks: "
                + "DIR/initiatives/synthetic.jsonl (or .json), DIR/fx-rates.json and DIR/market-context.json.")
final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many records.")
    long count;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "target/synthetic",
            description = "The input folder to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--format", paramLabel = "json|jsonl", defaultValue = "jsonl",
            description = "A JSON array or one record a line (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--seed", defaultValue = "1", description = "Same seed, same records (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (count < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be 0 or more");
        }
        if (!format.equals("json") && !format.equals("jsonl")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format is json or jsonl");
        }
        Path initiatives = output.resolve("initiatives");
        Files.createDirectories(initiatives);
        Path records = initiatives.resolve("synthetic." + format);
        new SyntheticInitiatives(seed).write(records, count);
        SyntheticInitiatives.writeFxRates(output.resolve("fx-rates.json"));
        try (InputStream in = GenerateCommand.class.getResourceAsStream("/synthetic/market-context.json")) {
            Files.copy(in, output.resolve("market-context.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        spec.commandLine().getOut().printf("Wrote %,d synthetic records to %s%n", count, records);
        return BriefingsCli.OK;
    }
}
