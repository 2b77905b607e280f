package dev.briefings.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.briefings.delivery.DeliveryRunner;
import dev.briefings.publish.RejectsFile;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads a published run's rejects.json and deliveries.json for the run page. */
final class RunFiles {

    // Values are read one at a time out of a larger document: the tokens after each are expected.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private RunFiles() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reject(String file, String position, String id, List<String> reasons) {
    }

    /** The first rejects (at most the cap) and how many there are in all. */
    record Rejects(List<Reject> shown, long total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Delivery(String recipientId, String status, int attempts, String updatedAt, String channel, String error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Deliveries(String distribution, String channel, List<Delivery> deliveries) {
    }

    /** Streams the file so that a run with very many rejects costs only the ones shown. */
    static Rejects rejects(Path folder, int cap) {
        Path file = folder.resolve(RejectsFile.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new Rejects(List.of(), 0);
        }
        List<Reject> shown = new ArrayList<>();
        long total = 0;
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException(RejectsFile.FILE_NAME + " is not a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("rejects".equals(name) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        if (shown.size() < cap) {
                            shown.add(JSON.readValue(p, Reject.class));
                        } else {
                            p.skipChildren();
                        }
                        total++;
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return new Rejects(List.copyOf(shown), total);
    }

    /** The delivery log written by the last distribution of this run, if it was distributed. */
    static Optional<Deliveries> deliveries(Path folder) {
        Path file = folder.resolve(DeliveryRunner.DELIVERIES);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Deliveries d = JSON.readValue(file.toFile(), Deliveries.class);
        return Optional.of(new Deliveries(d.distribution(), d.channel(),
                d.deliveries() == null ? List.of() : d.deliveries()));
    }
}
