package dev.briefings.web;

import static dev.briefings.web.SampleUsers.ANALYST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.briefings.BriefingsApplication;

/**
 * One ad hoc briefing (filtered: a briefing without filters is the nightly edition) over the end-to-end sample
 * (15 records read, 9 rejected whatever the filter: see BriefingRunTest), then its metrics and its log lines.
 */
@SpringBootTest(classes = BriefingsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry r) {
        ServerFolders.register(r, temp);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aRunIsTimedCountedAndNamedInItsLogLines(CapturedOutput output) throws Exception {
        String body = mvc.perform(post("/api/briefings").with(ANALYST).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"2025-10-31\", \"parties\": [\"AU\"]}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long id = ApiRuns.id(body);
        assertThat(ApiRuns.waitForEnd(mvc, ANALYST, id)).isEqualTo("COMPLETED");
        mvc.perform(get("/api/briefings/" + id + "/files/briefing").with(ANALYST)).andExpect(status().isOk());
        mvc.perform(get("/api/briefings/" + id + "/files/briefing").with(ANALYST)).andExpect(status().isOk());
        mvc.perform(get("/api/briefings/" + id + "/files/workbook").with(ANALYST)).andExpect(status().isOk());

        // The repository may say COMPLETED a moment before the job's listeners have returned.
        int found = 404;
        for (int i = 0; i < 50 && found == 404; i++) {
            found = mvc.perform(get("/actuator/metrics/briefings.runs").with(ANALYST)).andReturn().getResponse().getStatus();
            if (found == 404) {
                Thread.sleep(100);
            }
        }
        assertThat(found).as(mvc.perform(get("/actuator/metrics").with(ANALYST)).andReturn().getResponse()
                .getContentAsString()).isEqualTo(200);
        mvc.perform(get("/actuator/metrics/briefings.runs").with(ANALYST)
                        .param("tag", "edition:adhoc").param("tag", "outcome:completed"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measurements[?(@.statistic == 'COUNT')].value").value(1.0));
        mvc.perform(get("/actuator/metrics/briefings.run.records.read").with(ANALYST).param("tag", "edition:adhoc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measurements[?(@.statistic == 'TOTAL')].value").value(15.0));
        mvc.perform(get("/actuator/metrics/briefings.run.records.rejected").with(ANALYST).param("tag", "edition:adhoc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measurements[?(@.statistic == 'TOTAL')].value").value(9.0));
        mvc.perform(get("/actuator/metrics/briefings.files.served").with(ANALYST).param("tag", "role:briefing"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measurements[?(@.statistic == 'COUNT')].value").value(2.0));
        mvc.perform(get("/actuator/metrics/briefings.files.served").with(ANALYST).param("tag", "role:workbook"))
                .andExpect(jsonPath("$.measurements[?(@.statistic == 'COUNT')].value").value(1.0));
        mvc.perform(get("/actuator/metrics/briefings.runs").with(ANALYST).param("tag", "edition:nightly"))
                .andExpect(status().isNotFound());

        // The same for a Prometheus scraper, signed in: the project's meters and Spring Batch's.
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        String scrape = mvc.perform(get("/actuator/prometheus").with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(scrape).contains("briefings_runs_seconds_count{edition=\"adhoc\",outcome=\"completed\"} 1",
                "briefings_files_served_total{role=\"briefing\"} 2", "spring_batch_job", "spring_batch_step");

        // The compose step's line, written on the PDF's own thread, names the run; a line outside any run does not.
        String name = "[run=" + id + " asOf=2025-10-31 edition=party-au] ";
        assertThat(output.getOut().lines().filter(l -> l.contains("PDF rendered in")))
                .singleElement().asString().contains(name);
        assertThat(output.getOut().lines().filter(l -> l.contains("[] "))).isEmpty();
    }
}
