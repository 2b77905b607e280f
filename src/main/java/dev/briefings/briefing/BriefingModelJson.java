package dev.briefings.briefing;

import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;

/** The briefing model as a JSON file, handed from the figures step to the render step. */
public final class BriefingModelJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BriefingModelJson() {
    }

    public static void write(BriefingModel model, Path file) {
        JSON.writeValue(file.toFile(), model);
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
