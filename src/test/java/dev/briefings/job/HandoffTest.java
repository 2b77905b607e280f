package dev.briefings.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** Items reach the consumer's thread in order, all of them; a failure there reaches the caller. */
class HandoffTest {

    @Test
    void everyItemInTheOrderGivenOnTheConsumersThread() {
        List<Integer> seen = new ArrayList<>();
        AtomicReference<String> thread = new AtomicReference<>();
        AtomicReference<String> setUp = new AtomicReference<>();
        int n = 1_000; // several batches and a partial last one
        try (var handoff = new Handoff<Integer>("test-consumer", i -> {
            thread.set(Thread.currentThread().getName());
            seen.add(i);
        }, () -> setUp.set(Thread.currentThread().getName()))) {
            for (int i = 0; i < n; i++) {
                handoff.accept(i);
            }
            handoff.finish();
        }
        assertThat(seen).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
        assertThat(thread.get()).isEqualTo("test-consumer");
        assertThat(setUp.get()).isEqualTo("test-consumer");
    }

    @Test
    void aFailureOnTheConsumersThreadIsThrownToTheCaller() {
        assertThatThrownBy(() -> {
            try (var handoff = new Handoff<Integer>("test-consumer", i -> {
                if (i == 300) {
                    throw new IllegalArgumentException("item " + i);
                }
            }, () -> { })) {
                for (int i = 0; i < 50_000; i++) {
                    handoff.accept(i);
                }
                handoff.finish();
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessage("item 300");
    }

    @Test
    void aFailureAfterTheLastItemIsThrownFromFinish() {
        var handoff = new Handoff<Integer>("test-consumer", i -> {
            if (i == 9) {
                throw new IllegalStateException("last");
            }
        }, () -> { });
        for (int i = 0; i < 10; i++) {
            handoff.accept(i);
        }
        assertThatThrownBy(handoff::finish).isInstanceOf(IllegalStateException.class).hasMessage("last");
        handoff.close();
    }
}
