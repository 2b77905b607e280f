package dev.briefings.briefing;

import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The briefing model as a JSON file, handed from the figures step to the render step. */
public final class BriefingModelJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BriefingModelJson() {
    }

    /** @throws UncheckedIOException naming the file when it cannot be written (a full disk, say) */
    public static void write(BriefingModel model, Path file) {
        try {
            JSON.writeValue(file.toFile(), model);
        } catch (JacksonException e) {
            // The stream's own error says only "No space left on device".
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            var failure = new FileSystemException(file.toString(), null, String.valueOf(reason.getMessage()));
            failure.initCause(e);
            throw new UncheckedIOException(failure);
        }
    }

    public static BriefingModel read(Path file) {
        return JSON.readValue(file.toFile(), BriefingModel.class);
    }

    public static String toJson(BriefingModel model) {
        return JSON.writeValueAsString(model);
    }

    public static BriefingModel fromJson(String json) {
        return JSON.readValue(json, BriefingModel.class);
    }
}
