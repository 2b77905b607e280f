package dev.briefings.cli;

import java.io.PrintWriter;

import dev.briefings.job.RunProgress;

/**
 * Shows on stderr how far a long run got: a line every 100,000 records with the step and its rate, and once a
 * run has shown one, the start of every later step. A short run prints nothing.
 */
final class ConsoleProgress implements RunProgress {

    static final long EVERY = 100_000;
    private final PrintWriter err;
    private final long every;
    private String step;
    private long stepStart;
    private long shown;
    private boolean longRun;

    ConsoleProgress(PrintWriter err) {
        this(err, EVERY);
    }

    ConsoleProgress(PrintWriter err, long every) {
        this.err = err;
        this.every = every;
    }

    @Override
    public synchronized void stepStarted(String name) {
        step = name;
        stepStart = System.nanoTime();
        shown = 0;
        if (longRun) {
            err.printf("  %s ...%n", name);
            err.flush();
        }
    }

    @Override
    public synchronized void records(String name, long done) {
        if (!name.equals(step)) {
            stepStarted(name);
        }
        if (done / every > shown / every) {
            shown = done;
            longRun = true;
            double seconds = Math.max((System.nanoTime() - stepStart) / 1e9, 1e-3);
            err.printf("  %s: %,d records, %,d a second%n", name, done, Math.round(done / seconds));
            err.flush();
        }
    }
}
