package dev.briefings.web;

import static dev.briefings.web.SampleUsers.ANALYST;
import static dev.briefings.web.SampleUsers.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.briefings.BriefingsApplication;
import dev.briefings.generate.SyntheticInitiatives;

/**
 * An admin stops a running briefing through the API: it ends STOPPED in the step that was running (the ingest
 * step's chunks, the compose step's record loop), nothing is published, and a restart finishes it. The input is
 * large (120,000 generated records) so that the run is still going when the stop arrives; a gate in the run's
 * progress holds the step at a known point until the stop has been asked for, so the test never races the run.
 */
@SpringBootTest(classes = {BriefingsApplication.class, RunGate.class},
        webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class StopApiTest {

    static final long RECORDS = 120_000;

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry r) {
        Path input = temp.resolve("input");
        try {
            Files.createDirectories(input.resolve("initiatives"));
            new SyntheticInitiatives(7).write(input.resolve("initiatives/synthetic.jsonl"), RECORDS);
            SyntheticInitiatives.writeFxRates(input.resolve("fx-rates.json"));
            try (InputStream in = SyntheticInitiatives.class.getResourceAsStream("/synthetic/market-context.json")) {
                Files.copy(in, input.resolve("market-context.json"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerFolders.register(r, temp, input, Path.of("templates"));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    RunGate gate;

    @Autowired
    JobRepository jobs;

    @Test
    void stoppedWhileReadingRecordsThenRestarted() throws Exception {
        stopAndRestart("2025-10-30", "ingestRecordsStep");
    }

    @Test
    void stoppedWhileComposingThenRestarted() throws Exception {
        stopAndRestart("2025-10-29", "composeBriefingStep");
    }

    private void stopAndRestart(String asOf, String step) throws Exception {
        gate.arm(step);
        long id = ApiRuns.submit(mvc, ANALYST, "{\"asOf\": \"" + asOf + "\"}");
        assertThat(gate.reached.await(120, TimeUnit.SECONDS)).as("the run reaches " + step).isTrue();
        try {
            assertThat(statusOf(id)).isEqualTo("STARTED");
            // Analysts may not stop a run: a problem detail says so.
            mvc.perform(post("/api/briefings/" + id + "/stop").with(ANALYST)).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("stopping")));
            mvc.perform(post("/api/briefings/" + id + "/stop").with(ADMIN)).andExpect(status().isAccepted())
                    .andExpect(header().string("Location", "/api/briefings/" + id))
                    .andExpect(jsonPath("$.status").value("STOPPING"));
        } finally {
            gate.release.countDown();
        }
        assertThat(waitWhileRunning(id)).isEqualTo("STOPPED");
        JsonNode steps = steps(id);
        assertThat(stepStatus(steps, step)).as(step).isEqualTo("STOPPED");
        assertThat(stepStatus(steps, "publishBriefingStep")).as("publish never ran").isNull();
        if (step.equals("ingestRecordsStep")) {
            // Held in the first chunk's write; the stop is seen at the end of that chunk: one chunk of 2,000 read
            // (BriefingJobConfig.CHUNK_SIZE), of 120,000.
            assertThat(stepRead(id, step)).as("stopped after the chunk it was in").isEqualTo(2000);
        }
        // Nothing was published: no files, no run folder; stopping again is a conflict.
        mvc.perform(get("/api/briefings/" + id + "/files/briefing").with(ANALYST)).andExpect(status().isNotFound());
        assertThat(temp.resolve("output").resolve(asOf).resolve("nightly")).doesNotExist();
        mvc.perform(post("/api/briefings/" + id + "/stop").with(ADMIN)).andExpect(status().isConflict());
        mvc.perform(get("/api/briefings/" + id).with(ANALYST)).andExpect(jsonPath("$.links.restart").exists());

        long again = ApiRuns.id(mvc.perform(post("/api/briefings/" + id + "/restart").with(ADMIN))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        assertThat(ApiRuns.waitForEnd(mvc, ANALYST, again)).isEqualTo("COMPLETED");
        // Every generated record read exactly once across the stop and the restart.
        mvc.perform(get("/api/briefings/" + again).with(ANALYST))
                .andExpect(jsonPath("$.briefing.counts.read").value(RECORDS));
        assertThat(temp.resolve("output").resolve(asOf).resolve("nightly").resolve("briefing.pdf")).isRegularFile();
    }

    private String statusOf(long id) throws Exception {
        return json(mvc.perform(get("/api/briefings/" + id).with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).at("/briefing/status").asString();
    }

    private String waitWhileRunning(long id) throws Exception {
        String s = statusOf(id);
        for (int i = 0; i < 600 && (s.equals("STARTING") || s.equals("STARTED") || s.equals("STOPPING")); i++) {
            Thread.sleep(100);
            s = statusOf(id);
        }
        return s;
    }

    /** The steps as the run page's status endpoint has them. */
    private JsonNode steps(long id) throws Exception {
        return json(mvc.perform(get("/briefings/" + id + "/status").with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).get("steps");
    }

    private static String stepStatus(JsonNode steps, String name) {
        for (JsonNode s : steps) {
            if (s.get("name").asString().equals(name)) {
                return s.get("status").asString();
            }
        }
        return null;
    }

    private long stepRead(long id, String name) {
        return jobs.getJobExecution(id).getStepExecutions().stream().filter(s -> s.getStepName().equals(name))
                .findFirst().orElseThrow().getReadCount();
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }
}
