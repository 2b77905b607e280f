package dev.briefings.job;

/** Where a run reports how far it got; the command line shows it, a server may log it. */
public interface RunProgress {

    RunProgress NONE = read -> { };

    void recordsRead(long read);
}
