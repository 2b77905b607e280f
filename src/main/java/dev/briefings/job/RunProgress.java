package dev.briefings.job;

/** Where a run reports how far it got; the command line shows it, a server may log it. */
public interface RunProgress {

    RunProgress NONE = new RunProgress() {
    };

    /** A step of the run started (its name, e.g. ingestRecordsStep). */
    default void stepStarted(String step) {
    }

    /** {@code done} records have been handled so far by the step now running. */
    default void records(String step, long done) {
    }
}
