package dev.briefings.web;

import static dev.briefings.web.SampleUsers.ANALYST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hamcrest.Matchers;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API applies the same filter and as-of rules as the command line, and no two filter sets share a briefing. */
@SpringBootTest(classes = BriefingsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class InputRulesApiTest {

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry r) {
        ServerFolders.register(r, temp);
    }

    @Autowired
    MockMvc mvc;

    private org.springframework.test.web.servlet.ResultActions submit(String json) throws Exception {
        return mvc.perform(post("/api/briefings").with(ANALYST).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void aMineralWithAControlCharacterIsA400ShowingItEscaped() throws Exception {
        submit("{\"asOf\": \"2025-10-31\", \"minerals\": [\"a\\u0001b\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(
                        "mineral 'a\\u0001b' contains the control character U+0001 at character 2")));
    }

    @Test
    void asOfDatesOutsideTheRangeAreA400() throws Exception {
        submit("{\"asOf\": \"+999999999-12-31\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(
                        "asOf '+999999999-12-31' is not between 2000-01-01 and 2100-12-31")));
        submit("{\"asOf\": \"0001-01-01\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("asOf '0001-01-01' is not between")));
        assertThat(temp.resolve("output/+999999999-12-31")).doesNotExist();
        assertThat(temp.resolve("output/0001-01-01")).doesNotExist();
    }

    @Test
    void mineralsThatDifferOnlyInPunctuationAreTwoBriefingsWithTheirOwnFiles() throws Exception {
        long slash = ApiRuns.submit(mvc, ANALYST, "{\"asOf\": \"2025-10-31\", \"minerals\": [\"a/b\"]}");
        assertThat(ApiRuns.waitForEnd(mvc, ANALYST, slash)).isEqualTo("COMPLETED");
        long dash = ApiRuns.submit(mvc, ANALYST, "{\"asOf\": \"2025-10-31\", \"minerals\": [\"a-b\"]}");
        assertThat(dash).isNotEqualTo(slash);
        assertThat(ApiRuns.waitForEnd(mvc, ANALYST, dash)).isEqualTo("COMPLETED");

        // Each download still serves its own manifest: the second run did not replace the first's folder.
        JsonNode first = manifest(slash);
        JsonNode second = manifest(dash);
        assertThat(first.get("edition").asString()).isEqualTo("mineral-a.2fb");
        assertThat(first.get("filters").get("minerals").get(0).asString()).isEqualTo("a/b");
        assertThat(second.get("edition").asString()).isEqualTo("mineral-a.2db");
        assertThat(second.get("filters").get("minerals").get(0).asString()).isEqualTo("a-b");
        assertThat(Files.isRegularFile(temp.resolve("output/2025-10-31/mineral-a.2fb/manifest.json"))).isTrue();
        assertThat(Files.isRegularFile(temp.resolve("output/2025-10-31/mineral-a.2db/manifest.json"))).isTrue();
    }

    private JsonNode manifest(long id) throws Exception {
        String body = mvc.perform(get("/api/briefings/" + id + "/files/manifest").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body);
    }
}
