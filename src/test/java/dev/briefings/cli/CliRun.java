package dev.briefings.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import dev.briefings.TestFolders;

/** Runs the command line in this JVM and captures what it prints. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BriefingsCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Copies a test resource folder (e.g. "e2e/input") to {@code target}. */
    static Path copyResource(String folder, Path target) throws IOException {
        return TestFolders.copy(Path.of("src/test/resources").resolve(folder), target);
    }

    /**
     * The nightly briefing of the shipped sample (input/, copied into {@code tmp}) as of its date, run into
     * {@code tmp}/out with its own data folder.
     */
    static CliRun sample(Path tmp) throws IOException {
        Path input = TestFolders.copy(Path.of("input"), tmp.resolve("input"));
        return of("run", "--input", input.toString(), "--output", tmp.resolve("out").toString(),
                "--data", tmp.resolve("data").toString(), "--as-of", "2025-10-31");
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
