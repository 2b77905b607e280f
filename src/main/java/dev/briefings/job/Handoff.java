package dev.briefings.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands items to a consumer that runs on a thread of its own, in the order given, so that a pass over the records
 * can spread its work (the figures, the risk tallies, the workbook's rows) over the cores. Items go over in batches
 * through a short queue, so at most about 1,300 are in flight. A failure of the consumer is thrown from the next
 * {@link #accept} or from {@link #finish}; after {@link #finish} returns, everything the consumer did is visible to
 * the caller.
 */
final class Handoff<T> implements Consumer<T>, AutoCloseable {

    private static final int BATCH = 256;
    /**
     * Batches in flight: 1,024 items keep the consumer busy; more only outlive the young generation (16 cost a
     * 100,000-record run 0.5 s more, in the collector's copying).
     */
    private static final int BATCHES = 4;

    private final List<T> end = new ArrayList<>(0);
    private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(BATCHES);
    private final Thread thread;
    private List<T> batch = new ArrayList<>(BATCH);
    private volatile Throwable failure;
    private boolean finished;

    /**
     * @param name        the consumer thread's name
     * @param threadSetUp run first on the consumer's thread (e.g. to carry the caller's logging context over)
     */
    Handoff(String name, Consumer<? super T> consumer, Runnable threadSetUp) {
        this.thread = new Thread(() -> {
            threadSetUp.run();
            try {
                for (List<T> items = queue.take(); items != end; items = queue.take()) {
                    items.forEach(consumer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            } catch (RuntimeException | Error e) {
                failure = e;
                queue.clear(); // let a producer blocked on a full queue see the failure
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void accept(T item) {
        batch.add(item);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits until the consumer has taken every item. */
    void finish() {
        if (!batch.isEmpty()) {
            hand(batch);
            batch = new ArrayList<>(0);
        }
        hand(end);
        finished = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + thread.getName(), e);
        }
        rethrow();
    }

    private void hand(List<T> items) {
        try {
            while (!queue.offer(items, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!thread.isAlive()) {
                    throw new IllegalStateException(thread.getName() + " stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing items to " + thread.getName(), e);
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
            throw new IllegalStateException(thread.getName() + " failed: " + t, t);
        }
    }

    /** Stops the consumer if the caller gives up before {@link #finish} (what it made is then discarded). */
    @Override
    public void close() {
        if (!finished) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
