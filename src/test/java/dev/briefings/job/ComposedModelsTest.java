package dev.briefings.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.briefing.BriefingModelJson;
import dev.briefings.briefing.SampleBriefings;

class ComposedModelsTest {

    @TempDir
    Path tmp;

    @Test
    void theModelJustWrittenIsHandedOverOnce() throws Exception {
        var model = SampleBriefings.small();
        Path file = tmp.resolve("model.json");
        BriefingModelJson.write(model, file);
        var composed = new ComposedModels();
        composed.put(file, model);
        assertThat(composed.take(file)).containsSame(model);
        assertThat(composed.take(file)).as("taken once").isEmpty();
    }

    @Test
    void aFileChangedSinceIsReadInstead() throws Exception {
        var model = SampleBriefings.small();
        Path file = tmp.resolve("model.json");
        BriefingModelJson.write(model, file);
        var composed = new ComposedModels();
        composed.put(file, model);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 60_000));
        assertThat(composed.take(file)).isEmpty();

        composed.put(file, model);
        Files.delete(file);
        assertThat(composed.take(file)).isEmpty();
        assertThat(new ComposedModels().take(file)).as("nothing noted: after a restart").isEmpty();
    }
}
