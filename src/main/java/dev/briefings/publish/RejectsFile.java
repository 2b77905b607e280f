package dev.briefings.publish;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.briefings.staging.StagedLines;
import dev.briefings.staging.StagedRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code rejects.json}: every record not accepted, in read order, with its file, position, id where readable, and
 * every reason. Two sorted sources (rejected on their own, rejected by the cross-record checks) are merged as they
 * stream, so any number of rejects fits.
 */
public final class RejectsFile {

    public static final String FILE_NAME = "rejects.json";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private RejectsFile() {
    }

    /** @throws IOException naming {@code out} when it cannot be written (a full disk, say) */
    public static long write(Path ownRejects, Path crossRejects, Path out) throws IOException {
        try (BufferedReader a = reader(ownRejects); BufferedReader b = reader(crossRejects)) {
            return write(a, b, out);
        }
    }

    private static long write(BufferedReader a, BufferedReader b, Path out) throws IOException {
        try {
            return merge(a, b, out);
        } catch (JacksonException e) {
            throw Failures.writing(out, e);
        } catch (IOException e) {
            // The output stream's errors (a full disk) name no file; reading the staged rejects fails unchecked.
            throw e instanceof java.nio.file.FileSystemException ? e : Failures.writing(out, e);
        }
    }

    private static long merge(BufferedReader a, BufferedReader b, Path out) throws IOException {
        long count = 0;
        try (OutputStream os = Files.newOutputStream(out);
             JsonGenerator gen = JSON.createGenerator(os)) {
            gen.writeStartObject();
            gen.writeName("rejects");
            gen.writeStartArray();
            StagedRecord.Rejected x = next(a);
            StagedRecord.Rejected y = next(b);
            while (x != null || y != null) {
                StagedRecord.Rejected r;
                if (y == null || (x != null && x.seq() <= y.seq())) {
                    r = x;
                    x = next(a);
                } else {
                    r = y;
                    y = next(b);
                }
                gen.writeStartObject();
                gen.writeStringProperty("file", r.file());
                gen.writeStringProperty("position", r.position());
                gen.writeStringProperty("id", r.id());
                gen.writeName("reasons");
                gen.writeStartArray();
                for (String reason : r.reasons()) {
                    gen.writeString(reason);
                }
                gen.writeEndArray();
                gen.writeEndObject();
                count++;
            }
            gen.writeEndArray();
            gen.writeNumberProperty("count", count);
            gen.writeEndObject();
        }
        return count;
    }

    private static BufferedReader reader(Path p) throws IOException {
        return Files.exists(p) ? Files.newBufferedReader(p, StandardCharsets.UTF_8) : new BufferedReader(java.io.Reader.nullReader());
    }

    private static StagedRecord.Rejected next(BufferedReader in) {
        String line;
        try {
            line = in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staged rejected records", e);
        }
        return line == null ? null : StagedLines.parseRejected(line);
    }
}
