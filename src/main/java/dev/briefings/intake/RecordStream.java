package dev.briefings.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Every item of a run's record files, in order, read and parsed ahead on a thread of its own: splitting lines,
 * decoding UTF-8, parsing JSON and taking each file's SHA-256 (for the manifest, from the same bytes) run on the
 * second core while the caller validates and stages. At most a few thousand items are in flight.
 * <p>
 * It can start in the middle (a restart): at file {@code startFile}, after its first {@code startOrdinal} items,
 * which are read again (so the file's digest is still whole) but not handed out.
 */
public final class RecordStream implements AutoCloseable {

    /** What the stream hands out: an item of a file, or the end of a file with its size and SHA-256. */
    public sealed interface Next {
    }

    public record Item(int fileIndex, RawRecord raw) implements Next {
    }

    public record FileEnd(int fileIndex, String name, long size, String sha256) implements Next {
    }

    private static final int BATCH = 128;
    private static final List<Next> END = List.of();

    /** 512 records read ahead: enough to keep the consumer busy, few enough to die young (parsed trees are large). */
    private final BlockingQueue<List<Next>> queue = new ArrayBlockingQueue<>(4);
    private final Thread reader;
    private volatile RuntimeException failure;
    private volatile boolean closed;
    private List<Next> current = List.of();
    private int position;
    private boolean ended;

    /**
     * @param dir   the initiatives folder
     * @param files the record files' names, in read order
     */
    public RecordStream(Path dir, List<String> files, int startFile, long startOrdinal) {
        reader = new Thread(() -> produce(dir, files, startFile, startOrdinal), "read-records");
        reader.setDaemon(true);
        reader.start();
    }

    private void produce(Path dir, List<String> files, int startFile, long startOrdinal) {
        try {
            List<Next> batch = new ArrayList<>(BATCH);
            for (int f = startFile; f < files.size() && !closed; f++) {
                String name = files.get(f);
                Path file = dir.resolve(name);
                MessageDigest sha256 = sha256();
                try (var in = new InitiativeFileReader(file, "initiatives/" + name, sha256)) {
                    if (f == startFile) {
                        in.skip(startOrdinal);
                    }
                    for (RawRecord raw = in.next(); raw != null && !closed; raw = in.next()) {
                        batch.add(new Item(f, raw));
                        if (batch.size() == BATCH) {
                            put(batch);
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                    if (!closed) {
                        in.drain();
                    }
                }
                batch.add(new FileEnd(f, name, size(file), HexFormat.of().formatHex(sha256.digest())));
            }
            if (!batch.isEmpty()) {
                put(batch);
            }
            put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed by the consumer: nothing more is wanted
        } catch (RuntimeException e) {
            failure = e;
            queue.clear();
            queue.offer(END);
        }
    }

    private void put(List<Next> batch) throws InterruptedException {
        queue.put(batch);
    }

    /** The next item or file end, or null after the last file. */
    public Next next() {
        while (position == current.size()) {
            if (ended) {
                return null;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the record files", e);
            }
            position = 0;
            if (current == END) {
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
        reader.interrupt();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
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
