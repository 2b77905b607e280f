package dev.briefings.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

class ScopedReaderTest {

    /** A stand-in for a step-scope proxy: each thread (each step execution) has its own reader behind it. */
    private static final class Proxy implements ItemStreamReader<String>, ScopedObject {
        final ThreadLocal<ItemStreamReader<String>> perStep = new ThreadLocal<>();
        int proxiedCalls;

        @Override
        public Object getTargetObject() {
            return perStep.get();
        }

        @Override
        public void removeFromScope() {
        }

        @Override
        public String read() throws Exception {
            proxiedCalls++;
            return perStep.get().read();
        }
    }

    private static final class Listed implements ItemStreamReader<String> {
        final Iterator<String> items;
        boolean opened;
        boolean closed;

        Listed(String... items) {
            this.items = List.of(items).iterator();
        }

        @Override
        public void open(ExecutionContext context) {
            opened = true;
        }

        @Override
        public String read() {
            return items.hasNext() ? items.next() : null;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void twoStepsReadingAtOnceEachReadTheirOwnReaderWithoutTheProxy() throws Exception {
        var proxy = new Proxy();
        var reader = new ScopedReader<String>(proxy);
        var bothOpen = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                runs.add(threads.submit(() -> {
                    var own = new Listed(name + "1", name + "2", name + "3");
                    proxy.perStep.set(own);
                    reader.open(new ExecutionContext());
                    bothOpen.await(); // the other step has opened too before either reads
                    List<String> read = new ArrayList<>();
                    for (String item = reader.read(); item != null; item = reader.read()) {
                        read.add(item);
                    }
                    reader.close();
                    assertThat(own.opened).isTrue();
                    assertThat(own.closed).isTrue();
                    return read;
                }));
            }
            assertThat(runs.get(0).get()).containsExactly("a1", "a2", "a3");
            assertThat(runs.get(1).get()).containsExactly("b1", "b2", "b3");
        } finally {
            threads.shutdownNow();
        }
        assertThat(proxy.proxiedCalls).isZero();
    }
}
