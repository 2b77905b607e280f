package dev.briefings.intake;

import static org.assertj.core.api.Assertions.assertThat;

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

    private List<RecordStream.Next> all(List<String> files, int startFile, long startOrdinal) {
        List<RecordStream.Next> out = new ArrayList<>();
        try (var stream = new RecordStream(dir, files, startFile, startOrdinal)) {
            for (var n = stream.next(); n != null; n = stream.next()) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void itemsInOrderAndWholeFileDigestsEvenWhenAFileStopsEarly() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            lines.append("{\"id\": \"r").append(i).append("\"}\n");
        }
        Path a = Files.writeString(dir.resolve("a.jsonl"), lines);
        // A .json file ends at its first syntax error; its digest must still cover every byte.
        Path b = Files.writeString(dir.resolve("b.json"), "[{\"id\": \"x\"}, {\"id\": oops}, {\"id\": \"never\"}]" + " ".repeat(100_000));
        List<RecordStream.Next> out = all(List.of("a.jsonl", "b.json"), 0, 0);

        List<String> ids = new ArrayList<>();
        List<RecordStream.FileEnd> ends = new ArrayList<>();
        for (var n : out) {
            if (n instanceof RecordStream.Item item && item.raw() instanceof RawRecord.Parsed p) {
                ids.add(item.fileIndex() + ":" + p.node().get("id").asString());
            } else if (n instanceof RecordStream.FileEnd end) {
                ends.add(end);
            }
        }
        assertThat(ids).hasSize(1001).startsWith("0:r0", "0:r1").endsWith("0:r999", "1:x");
        assertThat(out.stream().filter(n -> n instanceof RecordStream.Item i && i.raw() instanceof RawRecord.Malformed)).hasSize(1);
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
        List<RecordStream.Next> out = all(List.of("a.jsonl", "b.jsonl"), 1, 2);
        assertThat(out).hasSize(2);
        var item = (RecordStream.Item) out.get(0);
        assertThat(item.fileIndex()).isEqualTo(1);
        assertThat(item.raw().ordinal()).isEqualTo(2);
        assertThat(((RawRecord.Parsed) item.raw()).node().get("id").asString()).isEqualTo("b2");
        assertThat(((RawRecord.Parsed) item.raw()).position()).isEqualTo("line 4");
        var end = (RecordStream.FileEnd) out.get(1);
        assertThat(end.sha256()).isEqualTo(sha256(b)).isNotEqualTo(sha256(a));
    }
}
