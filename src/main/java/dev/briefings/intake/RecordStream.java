package dev.briefings.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import dev.briefings.digest.Sha256;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every item of a run's record files, in order, read and parsed ahead on a thread of its own: splitting lines,
 * decoding UTF-8, parsing JSON and taking each file's SHA-256 (for the manifest, from the same bytes) run on the
 * second core while the caller stages. Each batch of parsed items is then turned into what the caller wants
 * (validated and encoded records) on worker threads, batches in parallel, and still handed out in order: the
 * caller's own work per item is then small, and every core is kept busy. At most a few thousand items are in
 * flight.
 * <p>
 * It can start in the middle (a restart): at file {@code startFile}, after its first {@code startOrdinal} items,
 * which are read again (so the file's digest is still whole) but not handed out.
 */
public final class RecordStream<T> implements AutoCloseable {

    /** What the stream hands out: an item of a file, or the end of a file with its size and SHA-256. */
    public sealed interface Next<T> {
    }

    /** An item as read ({@code RawRecord}) or as prepared from it. */
    public record Item<T>(int fileIndex, T value) implements Next<T> {
    }

    public record FileEnd<T>(int fileIndex, String name, long size, String sha256) implements Next<T> {
    }

    private static final int BATCH = 128;

    /**
     * 512 records read ahead (and as many being prepared): enough to keep the consumer busy, few enough to die young
     * (parsed trees are large).
     */
    private final BlockingQueue<Future<List<Next<T>>>> queue = new ArrayBlockingQueue<>(4);
    private final Future<List<Next<T>>> end = CompletableFuture.completedFuture(List.of());
    private final Supplier<Function<Item<RawRecord>, T>> preparation;
    private final ExecutorService workers;
    private final Thread reader;
    private volatile RuntimeException failure;
    private volatile boolean closed;
    private List<Next<T>> current = List.of();
    private int position;
    private boolean ended;

    /**
     * The items prepared on {@code workers} threads. Each batch of items is prepared by one function from
     * {@code preparation} (so that it can keep state, such as buffers, for the batch); a failure to prepare is thrown
     * to the caller when it reaches that batch.
     */
    public static <T> RecordStream<T> prepared(Path dir, List<String> files, int startFile, long startOrdinal,
                                               Supplier<Function<Item<RawRecord>, T>> preparation, int workers) {
        return new RecordStream<>(dir, files, startFile, startOrdinal, preparation, Math.max(1, workers));
    }

    private RecordStream(Path dir, List<String> files, int startFile, long startOrdinal,
                         Supplier<Function<Item<RawRecord>, T>> preparation, int workers) {
        this.preparation = preparation;
        var number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "prepare-records-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        reader = new Thread(() -> produce(dir, files, startFile, startOrdinal), "read-records");
        reader.setDaemon(true);
        reader.start();
    }

    private void produce(Path dir, List<String> files, int startFile, long startOrdinal) {
        try {
            List<Next<RawRecord>> batch = new ArrayList<>(BATCH);
            for (int f = startFile; f < files.size() && !closed; f++) {
                String name = files.get(f);
                Path file = dir.resolve(name);
                MessageDigest sha256 = Sha256.of(size(file));
                try (var in = new InitiativeFileReader(file, "initiatives/" + name, sha256)) {
                    if (f == startFile) {
                        in.skip(startOrdinal);
                    }
                    for (RawRecord raw = in.next(); raw != null && !closed; raw = in.next()) {
                        batch.add(new Item<>(f, raw));
                        if (batch.size() == BATCH) {
                            put(batch);
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                    if (!closed) {
                        in.drain();
                    }
                }
                batch.add(new FileEnd<>(f, name, size(file), HexFormat.of().formatHex(sha256.digest())));
            }
            if (!batch.isEmpty()) {
                put(batch);
            }
            queue.put(end);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed by the consumer: nothing more is wanted
        } catch (RuntimeException e) {
            failure = e;
            queue.clear();
            queue.offer(end);
        }
    }

    private void put(List<Next<RawRecord>> batch) throws InterruptedException {
        queue.put(workers.submit(() -> prepare(batch)));
    }

    private List<Next<T>> prepare(List<Next<RawRecord>> batch) {
        Function<Item<RawRecord>, T> prepare = preparation.get();
        List<Next<T>> out = new ArrayList<>(batch.size());
        for (Next<RawRecord> n : batch) {
            if (n instanceof Item<RawRecord> item) {
                out.add(new Item<>(item.fileIndex(), prepare.apply(item)));
            } else {
                var e = (FileEnd<RawRecord>) n;
                out.add(new FileEnd<>(e.fileIndex(), e.name(), e.size(), e.sha256()));
            }
        }
        return out;
    }

    /** The next item or file end, or null after the last file. */
    public Next<T> next() {
        while (position == current.size()) {
            if (ended) {
                return null;
            }
            Future<List<Next<T>>> batch;
            try {
                batch = queue.take();
                current = batch.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the record files", e);
            } catch (ExecutionException e) {
                ended = true;
                current = List.of();
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("cannot prepare the records read", e.getCause());
            }
            position = 0;
            if (batch == end) {
                ended = true;
                current = List.of();
                if (failure != null) {
                    throw failure;
                }
            }
        }
        return current.get(position++);
    }

    @Override
    public void close() {
        closed = true;
        workers.shutdownNow();
        reader.interrupt();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }
}
