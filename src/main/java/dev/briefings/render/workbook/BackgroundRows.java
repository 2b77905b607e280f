package dev.briefings.render.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.briefings.briefing.InitiativeRow;

/**
 * Feeds rows to a {@link WorkbookBriefingRenderer.Streaming} workbook on a thread of its own, so that writing the
 * sheets' XML (about half of a pass over the records) runs on the second core while the caller computes the
 * figures. Rows go over in batches through a short queue, so at most about 1,300 rows are in flight; their
 * order is kept. A failure of the writer is thrown from the next {@link #accept} or from {@link #finish}.
 */
public final class BackgroundRows implements Consumer<InitiativeRow>, AutoCloseable {

    private static final int BATCH = 256;
    /**
     * Batches in flight: 1,024 rows keep the writer busy; more only outlive the young generation (16 cost a
     * 100,000-record run 0.5 s more, in the collector's copying).
     */
    private static final int BATCHES = 4;
    private static final List<InitiativeRow> END = List.of();

    private final BlockingQueue<List<InitiativeRow>> queue = new ArrayBlockingQueue<>(BATCHES);
    private final Thread writer;
    private List<InitiativeRow> batch = new ArrayList<>(BATCH);
    private volatile Throwable failure;
    private boolean finished;

    /** @param threadSetUp run first on the writer thread (e.g. to carry the caller's logging context over) */
    public BackgroundRows(WorkbookBriefingRenderer.Streaming workbook, Runnable threadSetUp) {
        this.writer = new Thread(() -> {
            threadSetUp.run();
            try {
                for (List<InitiativeRow> rows = queue.take(); rows != END; rows = queue.take()) {
                    rows.forEach(workbook::accept);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            } catch (RuntimeException | Error e) {
                failure = e;
                queue.clear(); // let a producer blocked on a full queue see the failure
            }
        }, "workbook-rows");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void accept(InitiativeRow row) {
        batch.add(row);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits until every row has been written to the workbook. */
    public void finish() {
        if (!batch.isEmpty()) {
            hand(batch);
            batch = new ArrayList<>(0);
        }
        hand(END);
        finished = true;
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the workbook's rows were written", e);
        }
        rethrow();
    }

    private void hand(List<InitiativeRow> rows) {
        try {
            while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!writer.isAlive()) {
                    throw new IllegalStateException("the workbook's row writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the workbook's rows were written", e);
        }
        rethrow();
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException("the workbook's rows could not be written: " + t, t);
        }
    }

    /** Stops the writer if the caller gives up before {@link #finish} (the workbook is then discarded). */
    @Override
    public void close() {
        if (!finished) {
            writer.interrupt();
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
