package dev.briefings.web;

import static dev.briefings.web.SampleUsers.ANALYST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

import dev.briefings.BriefingsApplication;

/**
 * One briefing thread: while one run is held, a second waits, and the {@code briefings.queue} gauge says 1. With
 * {@code keep-runs=1}, the admins' retention page lists the older of two briefings of one edition, and only that.
 */
@SpringBootTest(classes = {BriefingsApplication.class, RunGate.class},
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"briefings.web.threads=1", "briefings.web.queue=2", "briefings.retention.keep-runs=1"})
@AutoConfigureMockMvc
class QueueAndRetentionTest {

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry r) {
        ServerFolders.register(r, temp);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    RunGate gate;

    private double queued() throws Exception {
        String json = mvc.perform(get("/actuator/metrics/briefings.queue").with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(json).at("/measurements/0/value").asDouble();
    }

    @Test
    void queuedBriefingsAreCountedAndRetentionListsWhatWouldGo() throws Exception {
        assertThat(queued()).isEqualTo(0.0);
        gate.arm("ingestRecordsStep");
        long older = ApiRuns.submit(mvc, ANALYST, "{\"asOf\": \"2025-10-01\", \"parties\": [\"JP\"]}");
        long newer;
        try {
            assertThat(gate.reached.await(60, TimeUnit.SECONDS)).isTrue();
            newer = ApiRuns.submit(mvc, ANALYST, "{\"asOf\": \"2025-10-02\", \"parties\": [\"JP\"]}");
            // One thread, held by the first run: the second waits for it.
            assertThat(queued()).isEqualTo(1.0);
        } finally {
            gate.release.countDown();
        }
        assertThat(ApiRuns.waitForEnd(mvc, ANALYST, older)).isEqualTo("COMPLETED");
        assertThat(ApiRuns.waitForEnd(mvc, ANALYST, newer)).isEqualTo("COMPLETED");
        assertThat(queued()).isEqualTo(0.0);

        mvc.perform(get(RetentionPage.PATH).with(user("analyst").roles("ANALYST"))).andExpect(status().isForbidden());
        String html = mvc.perform(get(RetentionPage.PATH).with(user("admin").roles("ANALYST", "ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String table = html.substring(html.indexOf("id=\"retention\""));
        // keep-runs=1 keeps the newest party-jp briefing (2025-10-02); the older one would go.
        assertThat(table).contains("2025-10-01").contains("party-jp").doesNotContain("2025-10-02");
        assertThat(html).contains("would remove these 1 briefings").doesNotContain("Retention is off");
    }
}
