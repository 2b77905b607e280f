package dev.briefings.web;

import static dev.briefings.web.SampleUsers.ANALYST;
import static dev.briefings.web.SampleUsers.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

/** A run that failed (its template could not be filled) is restarted by an admin once the template is fixed. */
@SpringBootTest(classes = BriefingsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class RestartApiTest {

    @TempDir
    static Path temp;

    static final String BREAK = "<p th:text=\"${model.noSuchThing.value}\">x</p></body>";

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry r) throws IOException {
        Path templates = TestFolders.copy(Path.of("templates"), temp.resolve("templates"));
        // A second template whose PDF page fails when filled in.
        Path fragile = TestFolders.copy(templates.resolve("default"), templates.resolve("fragile"));
        Path html = fragile.resolve("briefing.html");
        Files.writeString(html, Files.readString(html).replace("</body>", BREAK));
        ServerFolders.register(r, temp, TestFolders.E2E_INPUT, templates);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void failedRunIsRestartedByAnAdminOnly() throws Exception {
        long id = ApiRuns.id(mvc.perform(post("/api/briefings").with(ANALYST).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"2025-10-31\", \"parties\": [\"JP\"], \"template\": \"fragile\"}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        assertThat(ApiRuns.waitForEnd(mvc, ANALYST, id)).isEqualTo("FAILED");
        mvc.perform(get("/api/briefings/" + id + "/files/briefing").with(ANALYST)).andExpect(status().isNotFound());

        mvc.perform(post("/api/briefings/" + id + "/restart").with(ANALYST)).andExpect(status().isForbidden());
        Path html = temp.resolve("templates/fragile/briefing.html");
        Files.writeString(html, Files.readString(html).replace(BREAK, "</body>"));
        long again = ApiRuns.id(mvc.perform(post("/api/briefings/" + id + "/restart").with(ADMIN))
                .andExpect(status().isAccepted()).andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString());
        assertThat(again).isNotEqualTo(id);
        assertThat(ApiRuns.waitForEnd(mvc, ANALYST, again)).isEqualTo("COMPLETED");
        mvc.perform(get("/api/briefings/" + again).with(ANALYST))
                .andExpect(jsonPath("$.briefing.counts.read").value(15));
        mvc.perform(get("/api/briefings/" + again + "/files/briefing").with(ANALYST)).andExpect(status().isOk());
        // The failed run is history now: restarting it again is a conflict.
        mvc.perform(post("/api/briefings/" + id + "/restart").with(ADMIN)).andExpect(status().isConflict());
    }
}
