package dev.briefings.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.BriefingModelJson;
import dev.briefings.briefing.SampleBriefings;

/** What the compose step wrote is handed over once, and only while its file is unchanged. */
class ComposedOutputsTest {

    @TempDir
    Path tmp;

    private final BriefingModel model = SampleBriefings.small();
    private final ComposedOutputs composed = new ComposedOutputs();
    private Path file;

    @BeforeEach
    void modelWritten() throws Exception {
        file = tmp.resolve("model.json");
        BriefingModelJson.write(model, file);
        composed.putModel(file, model);
    }

    @Test
    void theModelJustWrittenIsHandedOverOnce() throws Exception {
        assertThat(composed.takeModel(file)).containsSame(model);
        assertThat(composed.takeModel(file)).as("taken once").isEmpty();
    }

    @Test
    void aFileChangedSinceIsReadInstead() throws Exception {
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 60_000));
        assertThat(composed.takeModel(file)).isEmpty();

        composed.putModel(file, model);
        Files.delete(file);
        assertThat(composed.takeModel(file)).isEmpty();
        assertThat(new ComposedOutputs().takeModel(file)).as("nothing noted: after a restart").isEmpty();
    }

    @Test
    void aDigestIsHandedOverOnceAndNotForAChangedFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("briefing.xlsx"), "workbook");
        composed.putDigest(file, "00".repeat(32));
        assertThat(composed.takeDigest(file)).contains("00".repeat(32));
        assertThat(composed.takeDigest(file)).as("taken once").isEmpty();

        composed.putDigest(file, "00".repeat(32));
        Files.writeString(file, "workbook, changed");
        assertThat(composed.takeDigest(file)).isEmpty();
    }
}
