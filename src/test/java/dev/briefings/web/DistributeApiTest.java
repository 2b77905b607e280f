package dev.briefings.web;

import static dev.briefings.web.SampleUsers.ANALYST;
import static dev.briefings.web.SampleUsers.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.briefings.BriefingsApplication;
import dev.briefings.TestFolders;

/** An admin delivers a completed briefing from the API; an analyst may not; a second request sends nothing new. */
@SpringBootTest(classes = BriefingsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class DistributeApiTest {

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry r) throws IOException {
        Path input = TestFolders.copy(TestFolders.E2E_INPUT, temp.resolve("input"));
        Files.writeString(input.resolve("recipients.json"), """
                [{"id": "ann", "name": "Ann Lee", "email": "ann@example.org", "organization": "Lee Capital"},
                 {"id": "bo", "name": "Bo Park", "email": "bo@example.org", "organization": "Park Fund"},
                 {"id": "cy", "name": "No Address", "email": "not-an-address", "organization": "Nowhere"}]""");
        ServerFolders.register(r, temp, input, Path.of("templates"));
    }

    @Autowired
    MockMvc mvc;

    @Test
    void adminDeliversACompletedBriefingOnce() throws Exception {
        String body = mvc.perform(post("/api/briefings").with(ANALYST).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"2025-10-31\", \"parties\": [\"US\"]}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long id = ApiRuns.id(body);
        assertThat(ApiRuns.waitForEnd(mvc, ANALYST, id)).isEqualTo("COMPLETED");

        mvc.perform(post("/api/briefings/" + id + "/distribute").with(ANALYST)).andExpect(status().isForbidden());
        mvc.perform(post("/api/briefings/" + id + "/distribute").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("outbox"))
                .andExpect(jsonPath("$.delivered").value(2))
                .andExpect(jsonPath("$.failed").value(0));
        mvc.perform(post("/api/briefings/" + id + "/distribute").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.delivered").value(0))
                .andExpect(jsonPath("$.alreadyDelivered").value(2));
        // Two distributions: 2 delivered, then 2 already delivered; the bad address rejected each time.
        mvc.perform(get("/actuator/metrics/briefings.deliveries").with(ANALYST).param("tag", "outcome:delivered"))
                .andExpect(jsonPath("$.measurements[0].value").value(2.0));
        mvc.perform(get("/actuator/metrics/briefings.deliveries").with(ANALYST).param("tag", "outcome:already-delivered"))
                .andExpect(jsonPath("$.measurements[0].value").value(2.0));
        mvc.perform(get("/actuator/metrics/briefings.deliveries").with(ANALYST).param("tag", "outcome:rejected"))
                .andExpect(jsonPath("$.measurements[0].value").value(2.0));
        mvc.perform(get("/actuator/metrics/briefings.deliveries").with(ANALYST).param("tag", "outcome:failed"))
                .andExpect(jsonPath("$.measurements[0].value").value(0.0));
        mvc.perform(get("/actuator/prometheus").with(ANALYST)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "briefings_deliveries_total{outcome=\"uncertain\"} 0.0")));
        Path outbox = temp.resolve("output/2025-10-31/party-us/outbox");
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ann.eml", "bo.eml");
        }
    }
}
