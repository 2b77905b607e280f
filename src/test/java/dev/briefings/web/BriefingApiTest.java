package dev.briefings.web;

import static dev.briefings.web.SampleUsers.ANALYST;
import static dev.briefings.web.SampleUsers.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.briefings.BriefingsApplication;

@SpringBootTest(classes = BriefingsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class BriefingApiTest {

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry r) {
        ServerFolders.register(r, temp);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void withoutCredentialsTheApiAnswers401() throws Exception {
        mvc.perform(get("/api/briefings")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/briefings").with(httpBasic("analyst", "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void healthIsOpenAndMetricsAreNot() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics").with(ANALYST)).andExpect(status().isOk());
    }

    @Test
    void badFiltersAreA400ThatNamesTheValue() throws Exception {
        mvc.perform(post("/api/briefings").with(ANALYST).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stages\": [\"MINNING\"], \"parties\": [\"ZZ\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'MINNING'")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'ZZ'")));
        mvc.perform(post("/api/briefings").with(ANALYST).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"template\": \"../x\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void unknownIdsAndRolesAre404() throws Exception {
        mvc.perform(get("/api/briefings/999999").with(ANALYST)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/briefings/abc").with(ANALYST)).andExpect(status().isNotFound());
        mvc.perform(post("/api/briefings/999999/restart").with(ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void anAnalystMayNotRestart() throws Exception {
        mvc.perform(post("/api/briefings/1/restart").with(ANALYST)).andExpect(status().isForbidden());
    }

    @Test
    void submitPollDownload() throws Exception {
        MvcResult posted = mvc.perform(post("/api/briefings").with(ANALYST).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"2025-10-31\", \"parties\": [\"au\"]}"))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.id").isNumber())
                .andReturn();
        String body = posted.getResponse().getContentAsString();
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(body);
        assertThat(m.find()).isTrue();
        long id = Long.parseLong(m.group(1));
        assertThat(posted.getResponse().getHeader("Location")).isEqualTo("/api/briefings/" + id);

        // The same request while it runs (or after) names the same briefing, never a second one.
        mvc.perform(post("/api/briefings").with(ANALYST).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"2025-10-31\", \"parties\": [\"AU\"]}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.id").value(id));

        String status = ApiRuns.waitForEnd(mvc, ANALYST, id);
        assertThat(status).isEqualTo("COMPLETED");
        mvc.perform(get("/api/briefings/" + id).with(ANALYST))
                .andExpect(jsonPath("$.briefing.edition").value("party-au"))
                .andExpect(jsonPath("$.briefing.startedBy").value("analyst"))
                .andExpect(jsonPath("$.briefing.filters.parties[0]").value("AU"))
                .andExpect(jsonPath("$.links.restart").doesNotExist());

        MvcResult pdf = mvc.perform(get("/api/briefings/" + id + "/files/briefing").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"critical-minerals-briefing-2025-10-31-party-au.pdf\""))
                .andReturn();
        byte[] bytes = pdf.getResponse().getContentAsByteArray();
        assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");

        mvc.perform(get("/api/briefings/" + id + "/files/workbook").with(ANALYST)).andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        mvc.perform(get("/api/briefings/" + id + "/files/manifest").with(ANALYST)).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.edition").value("party-au"));

        // Crafted roles never reach the disk.
        for (String role : new String[] {"..%2F..%2Fetc%2Fpasswd", "%2e%2e", "passwd", "BRIEFING", "manifest.json"}) {
            mvc.perform(get("/api/briefings/" + id + "/files/" + role).with(ANALYST))
                    .andExpect(r -> assertThat(r.getResponse().getStatus()).as(role).isIn(400, 404));
        }
        mvc.perform(get("/api/briefings/" + id + "/files/unknown").with(ANALYST)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        // Only a failed run restarts.
        mvc.perform(post("/api/briefings/" + id + "/restart").with(ADMIN)).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(get("/api/briefings?page=0&size=10").with(ANALYST)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].counts.read").exists());
        mvc.perform(get("/api/briefings?size=0").with(ANALYST)).andExpect(status().isBadRequest());
        assertThat(Files.exists(temp.resolve("output/2025-10-31/party-au/briefing.pdf"))).isTrue();
    }

    @Test
    void aWaitingGetAnswersWhenTheRunHasEnded() throws Exception {
        long id = ApiRuns.submit(mvc, ANALYST, "{\"asOf\": \"2025-10-31\", \"parties\": [\"JP\"]}");
        // One request that waits (up to 30 s) sees the end: no polling needed.
        mvc.perform(get("/api/briefings/" + id).param("wait", "30").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.briefing.status").value("COMPLETED"))
                .andExpect(jsonPath("$.files[?(@.role == 'briefing')].href").value("/api/briefings/" + id + "/files/briefing"));
        mvc.perform(get("/api/briefings/" + id).param("wait", "31").with(ANALYST)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0]").value("wait must be between 0 and 30 seconds"));
        mvc.perform(get("/api/briefings/" + id).param("wait", "-1").with(ANALYST)).andExpect(status().isBadRequest());
    }
}
