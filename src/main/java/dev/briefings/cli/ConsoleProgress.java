package dev.briefings.cli;

import java.io.PrintWriter;

import dev.briefings.job.RunProgress;

/** Shows how many records a long run has read, every 100,000. */
final class ConsoleProgress implements RunProgress {

    private static final long EVERY = 100_000;
    private final PrintWriter err;
    private long shown;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void recordsRead(long read) {
        if (read / EVERY > shown / EVERY) {
            shown = read;
            err.printf("  ... %,d records read%n", read);
            err.flush();
        }
    }
}
