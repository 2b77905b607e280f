package dev.briefings.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Items come in file order from the read-ahead thread, with each whole file's SHA-256, also after a restart. */
class RecordStreamTest {

    @TempDir
    Path dir;

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** {@code n} records of one line each, ids r0, r1, ... */
    private static String idLines(int n) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < n; i++) {
            lines.append("{\"id\": \"r").append(i).append("\"}\n");
        }
        return lines.toString();
    }

    private List<RecordStream.Next<RawRecord>> all(List<String> files, int startFile, long startOrdinal) {
        List<RecordStream.Next<RawRecord>> out = new ArrayList<>();
        // Prepared as they were read: the items as parsed.
        try (var stream = RecordStream.prepared(dir, files, startFile, startOrdinal, () -> RecordStream.Item::value, 1)) {
            for (var n = stream.next(); n != null; n = stream.next()) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void itemsInOrderAndWholeFileDigestsEvenWhenAFileStopsEarly() throws Exception {
        Path a = Files.writeString(dir.resolve("a.jsonl"), idLines(1000));
        // A .json file ends at its first syntax error; its digest must still cover every byte.
        Path b = Files.writeString(dir.resolve("b.json"), "[{\"id\": \"x\"}, {\"id\": oops}, {\"id\": \"never\"}]" + " ".repeat(100_000));
        List<RecordStream.Next<RawRecord>> out = all(List.of("a.jsonl", "b.json"), 0, 0);

        List<String> ids = new ArrayList<>();
        List<RecordStream.FileEnd<RawRecord>> ends = new ArrayList<>();
        for (var n : out) {
            if (n instanceof RecordStream.Item<RawRecord> item && item.value() instanceof RawRecord.Parsed p) {
                ids.add(item.fileIndex() + ":" + p.node().get("id").asString());
            } else if (n instanceof RecordStream.FileEnd<RawRecord> end) {
                ends.add(end);
            }
        }
        assertThat(ids).hasSize(1001).startsWith("0:r0", "0:r1").endsWith("0:r999", "1:x");
        assertThat(out.stream().filter(n -> n instanceof RecordStream.Item<RawRecord> i && i.value() instanceof RawRecord.Malformed)).hasSize(1);
        assertThat(ends).extracting(RecordStream.FileEnd::name).containsExactly("a.jsonl", "b.json");
        assertThat(ends.get(0).sha256()).isEqualTo(sha256(a));
        assertThat(ends.get(0).size()).isEqualTo(Files.size(a));
        assertThat(ends.get(1).sha256()).isEqualTo(sha256(b));
        // The file end comes after the file's last item.
        assertThat(out.get(1000)).isInstanceOf(RecordStream.FileEnd.class);
    }

    @Test
    void aRestartSkipsWhatWasHandedOutButStillDigestsTheWholeFile() throws Exception {
        Path a = Files.writeString(dir.resolve("a.jsonl"), "{\"id\": \"a0\"}\n{\"id\": \"a1\"}\n");
        Path b = Files.writeString(dir.resolve("b.jsonl"), "{\"id\": \"b0\"}\n\n{\"id\": \"b1\"}\n{\"id\": \"b2\"}\n");
        List<RecordStream.Next<RawRecord>> out = all(List.of("a.jsonl", "b.jsonl"), 1, 2);
        assertThat(out).hasSize(2);
        var item = (RecordStream.Item<RawRecord>) out.get(0);
        assertThat(item.fileIndex()).isEqualTo(1);
        assertThat(item.value().ordinal()).isEqualTo(2);
        assertThat(((RawRecord.Parsed) item.value()).node().get("id").asString()).isEqualTo("b2");
        assertThat(((RawRecord.Parsed) item.value()).position()).isEqualTo("line 4");
        var end = (RecordStream.FileEnd<RawRecord>) out.get(1);
        assertThat(end.sha256()).isEqualTo(sha256(b)).isNotEqualTo(sha256(a));
    }

    @Test
    void preparedItemsComeInReadOrderWhateverOrderTheWorkersFinishIn() throws Exception {
        Path a = Files.writeString(dir.resolve("a.jsonl"), idLines(3000));
        Files.writeString(dir.resolve("b.jsonl"), "{\"id\": \"b0\"}\n");
        var random = new java.util.Random(7);
        long[] delays = random.longs(64, 0, 3).toArray();
        var batches = new java.util.concurrent.atomic.AtomicInteger();
        List<String> seen = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        try (var stream = RecordStream.prepared(dir, List.of("a.jsonl", "b.jsonl"), 0, 0, () -> {
            long delay = delays[batches.getAndIncrement() % delays.length];
            return item -> {
                if (delay > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(delay * 1_000_000L);
                }
                return item.fileIndex() + ":" + ((RawRecord.Parsed) item.value()).node().get("id").asString()
                        + ":" + Thread.currentThread().getName();
            };
        }, 3)) {
            for (var n = stream.next(); n != null; n = stream.next()) {
                if (n instanceof RecordStream.Item<String> item) {
                    seen.add(item.value());
                } else if (n instanceof RecordStream.FileEnd<String> end) {
                    ends.add(end.name() + "@" + seen.size() + ":" + end.sha256());
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            expected.add("0:r" + i);
        }
        expected.add("1:b0");
        assertThat(seen).extracting(v -> v.substring(0, v.lastIndexOf(':'))).containsExactlyElementsOf(expected);
        assertThat(seen).allSatisfy(v -> assertThat(v).contains(":prepare-records-"));
        assertThat(seen.stream().map(v -> v.substring(v.lastIndexOf(':') + 1)).distinct().count())
                .as("batches went to more than one worker").isGreaterThan(1);
        assertThat(ends).containsExactly("a.jsonl@3000:" + sha256(a), "b.jsonl@3001:" + sha256(dir.resolve("b.jsonl")));
        assertThat(batches.get()).as("one function per batch of 128").isEqualTo(24);
    }

    @Test
    void aFailureToPrepareReachesTheCallerAtItsBatchAfterTheItemsBeforeIt() throws Exception {
        Files.writeString(dir.resolve("a.jsonl"), idLines(1000));
        List<String> seen = new ArrayList<>();
        try (var stream = RecordStream.prepared(dir, List.of("a.jsonl"), 0, 0, () -> item -> {
            String id = ((RawRecord.Parsed) item.value()).node().get("id").asString();
            if (id.equals("r700")) {
                throw new IllegalStateException("cannot prepare " + id);
            }
            return id;
        }, 2)) {
            assertThatThrownBy(() -> {
                for (var n = stream.next(); n != null; n = stream.next()) {
                    if (n instanceof RecordStream.Item<String> item) {
                        seen.add(item.value());
                    }
                }
            }).isInstanceOf(IllegalStateException.class).hasMessage("cannot prepare r700");
        }
        // Batches of 128: r700 is in the sixth (r640 to r767), so the five before it were handed out whole.
        assertThat(seen).hasSize(640).endsWith("r639");
    }
}
