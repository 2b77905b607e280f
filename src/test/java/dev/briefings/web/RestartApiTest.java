package dev.briefings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.briefings.BriefingsApplication;

/** A run that failed (its template could not be filled) is restarted by an admin once the template is fixed. */
@SpringBootTest(classes = BriefingsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class RestartApiTest {

    @TempDir
    static Path temp;

    static final RequestPostProcessor ANALYST = httpBasic("analyst", "analyst-sample-password");
    static final RequestPostProcessor ADMIN = httpBasic("admin", "admin-sample-password");
    static final String BREAK = "<p th:text=\"${model.noSuchThing.value}\">x</p></body>";

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry r) throws IOException {
        System.setProperty("h2.bindAddress", "127.0.0.1");
        Path templates = temp.resolve("templates");
        Path source = Path.of("templates");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.toList()) {
                Path to = templates.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        // A second template whose PDF page fails when filled in.
        Path fragile = templates.resolve("fragile");
        Files.createDirectories(fragile);
        try (Stream<Path> files = Files.list(templates.resolve("default"))) {
            for (Path p : files.toList()) {
                Files.copy(p, fragile.resolve(p.getFileName().toString()));
            }
        }
        Path html = fragile.resolve("briefing.html");
        Files.writeString(html, Files.readString(html).replace("</body>", BREAK));
        r.add("briefings.data-dir", () -> temp.resolve("data").toString());
        r.add("briefings.output-dir", () -> temp.resolve("output").toString());
        r.add("briefings.templates-dir", templates::toString);
        r.add("briefings.web.input", () -> Path.of("src/test/resources/e2e/input").toAbsolutePath().toString());
    }

    @Autowired
    MockMvc mvc;

    private String waitForEnd(long id) throws Exception {
        String state = "";
        for (int i = 0; i < 600 && !state.equals("COMPLETED") && !state.equals("FAILED"); i++) {
            String detail = mvc.perform(get("/api/briefings/" + id).with(ANALYST)).andReturn().getResponse().getContentAsString();
            Matcher s = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"").matcher(detail);
            state = s.find() ? s.group(1) : "";
            if (!state.equals("COMPLETED") && !state.equals("FAILED")) {
                Thread.sleep(200);
            }
        }
        return state;
    }

    private static long id(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void failedRunIsRestartedByAnAdminOnly() throws Exception {
        long id = id(mvc.perform(post("/api/briefings").with(ANALYST).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"2025-10-31\", \"parties\": [\"JP\"], \"template\": \"fragile\"}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        assertThat(waitForEnd(id)).isEqualTo("FAILED");
        mvc.perform(get("/api/briefings/" + id + "/files/briefing").with(ANALYST)).andExpect(status().isNotFound());

        mvc.perform(post("/api/briefings/" + id + "/restart").with(ANALYST)).andExpect(status().isForbidden());
        Path html = temp.resolve("templates/fragile/briefing.html");
        Files.writeString(html, Files.readString(html).replace(BREAK, "</body>"));
        long again = id(mvc.perform(post("/api/briefings/" + id + "/restart").with(ADMIN))
                .andExpect(status().isAccepted()).andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString());
        assertThat(again).isNotEqualTo(id);
        assertThat(waitForEnd(again)).isEqualTo("COMPLETED");
        mvc.perform(get("/api/briefings/" + again).with(ANALYST))
                .andExpect(jsonPath("$.briefing.counts.read").value(15));
        mvc.perform(get("/api/briefings/" + again + "/files/briefing").with(ANALYST)).andExpect(status().isOk());
        // The failed run is history now: restarting it again is a conflict.
        mvc.perform(post("/api/briefings/" + id + "/restart").with(ADMIN)).andExpect(status().isConflict());
    }
}
