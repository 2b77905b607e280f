package dev.briefings.web;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.briefings.job.RunProgress;

/**
 * A run's progress sink (a bean in the test's context) that holds the run the first time the armed step reports
 * records, until the test lets it go: the test then knows exactly where the run is, without racing it.
 */
final class RunGate implements RunProgress {

    private final AtomicReference<String> armed = new AtomicReference<>();
    volatile CountDownLatch reached = new CountDownLatch(1);
    volatile CountDownLatch release = new CountDownLatch(1);

    void arm(String step) {
        reached = new CountDownLatch(1);
        release = new CountDownLatch(1);
        armed.set(step);
    }

    @Override
    public void records(String step, long done) {
        if (done > 0 && armed.compareAndSet(step, null)) {
            reached.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
