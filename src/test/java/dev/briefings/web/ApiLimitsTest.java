package dev.briefings.web;

import static dev.briefings.web.SampleUsers.ANALYST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.launch.NoSuchJobException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

import dev.briefings.BriefingsApplication;
import dev.briefings.job.BriefingRunner;

/**
 * The API's limits and refusals: every list and string bounded, nothing unbounded echoed, no 500 and no stack
 * trace for any of it, no job instance for a refused request, and sign-ins, authorisation and MVC's own refusals
 * answered as problem details by this project's handlers.
 */
@SpringBootTest(classes = BriefingsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ApiLimitsTest {

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry r) {
        ServerFolders.register(r, temp);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JobRepository jobs;

    @Test
    void tooManyValuesAreA400NamingTheField(CapturedOutput output) throws Exception {
        submit(body("parties", Collections.nCopies(51, "AU"))).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("parties has 51 values; at most 50 are allowed"))
                .andExpect(jsonPath("$.problems[0]").value("parties has 51 values; at most 50 are allowed"));
        assertNoStackTrace(output);
    }

    @Test
    void anOverlongValueIsRefusedAndShownShortened() throws Exception {
        String answer = submit(body("minerals", List.of("lithium", "x".repeat(5_000)))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("minerals[1] '" + "x".repeat(40)
                        + "…' (5,000 characters) is longer than 100 characters"))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).hasSizeLessThan(500);
    }

    @Test
    void anOverlongTemplateNameComesBackShortenedOnce() throws Exception {
        String answer = submit("{\"template\": \"" + "t".repeat(50_000) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("template '" + "t".repeat(40)
                        + "…' (50,000 characters) is not a known template"))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).hasSizeLessThan(500);
    }

    @Test
    void nullValuesAreA400NotA500(CapturedOutput output) throws Exception {
        submit("{\"parties\": [null]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("parties[0] is null; give text"));
        submit("{\"stages\": [\"MINING\"], \"minerals\": [\"lithium\", null]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("minerals[1] is null; give text"));
        assertNoStackTrace(output);
    }

    @Test
    void filtersTooLongToStoreAreRefusedBeforeAnyJobInstanceExists(CapturedOutput output) throws Exception {
        long before = instances();
        // 30 values of 90 characters are each within the limits, but together (2,737 characters) do not fit.
        submit(body("minerals", RequestLimitsTest.minerals(30))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("the filters (parties, stages, kinds and minerals together) take "
                        + "2,737 characters as stored; at most 2,500 fit: give fewer or shorter values"));
        // The finding: a 100,000-character mineral. Now the body limit refuses it before anything reads it.
        submit(body("minerals", List.of("m".repeat(100_000)))).andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(instances()).isEqualTo(before);
        assertNoStackTrace(output);
    }

    @Test
    void unreadableBodiesAndMistypedParametersAreAnsweredByTheProjectsHandler() throws Exception {
        submit("{\"parties\": [").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("the body is not valid JSON (line 1, column ")));
        submit("{\"asOf\": \"31/10/2025\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("asOf must be a date (YYYY-MM-DD)"));
        submit("{\"parties\": \"AU\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("parties must be a list of text"));
        submit("{\"minerals\": [{}]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("minerals[0] must be text"));
        submit("[]").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("the body is not a briefing request: " + ApiProblems.REQUEST_SHAPE));
        mvc.perform(get("/api/briefings").param("size", "abc").with(ANALYST)).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("size 'abc' is not a number"));
        mvc.perform(get("/api/briefings").param("page", "9".repeat(5_000)).with(ANALYST)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("page '" + "9".repeat(40) + "…' (5,000 characters) is not a number"));
        mvc.perform(get("/api/briefings").param("page", "2147483647").param("size", "100").with(ANALYST))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("page must be between 0 and 1000000 and size between 1 and 100"));
    }

    @Test
    void refusalsOfSpringMvcItselfAreProblemDetailsToo() throws Exception {
        mvc.perform(post("/api/briefings").with(ANALYST).contentType(MediaType.TEXT_PLAIN).content("parties=AU"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415));
        mvc.perform(put("/api/briefings").with(ANALYST).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // Path segments come back shortened too.
        mvc.perform(get("/api/briefings/" + "x".repeat(2_000)).with(ANALYST)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no briefing with id '" + "x".repeat(40) + "…' (2,000 characters)"));
        // Refused before any controller took the request: still this project's problem details.
        mvc.perform(get("/api/nothing").with(ANALYST)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.instance").value("/api/nothing"));
    }

    @Test
    void signInAndRoleRefusalsAreProblemDetails() throws Exception {
        mvc.perform(get("/api/briefings")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"Briefings\""))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.detail").value("sign in with HTTP basic: a user name and password"))
                .andExpect(jsonPath("$.instance").value("/api/briefings"));
        mvc.perform(get("/api/briefings").with(httpBasic("analyst", "wrong")).with(from("192.0.2.200")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("wrong user name or password"));
        mvc.perform(post("/api/briefings/1/restart").with(ANALYST)).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").value("your role may not do this; stopping, restarting and distributing a "
                        + "briefing need the ADMIN role"));
    }

    @Test
    void failedSignInsFromOneAddressMakeItWaitForAnyAccount() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/briefings").with(httpBasic("guess" + i, "wrong")).with(from("198.51.100.20")))
                    .andExpect(status().isUnauthorized());
        }
        // The 21st from there is refused before any password check, even with the right password.
        String wait = mvc.perform(get("/api/briefings").with(ANALYST).with(from("198.51.100.20")))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Too many failed sign-ins"))
                .andReturn().getResponse().getHeader("Retry-After");
        // 30 s after the last failure, rounded up: 30 unless the test paused for a second in between.
        assertThat(Integer.parseInt(wait)).isBetween(29, 30);
        // Another address is not held up.
        mvc.perform(get("/api/briefings").with(ANALYST).with(from("198.51.100.21"))).andExpect(status().isOk());
    }

    @Test
    void failedSignInsForOneAccountMakeItWaitFromAnyAddress() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/briefings").with(httpBasic("mallory", "guess" + i)).with(from("203.0.113." + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/briefings").with(httpBasic("MALLORY", "guess5")).with(from("203.0.113.5")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.retryAfterSeconds").isNumber())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "too many failed sign-ins for this account or from this address; try again in ")));
    }

    /** Neither a stack trace nor an error was logged. */
    private static void assertNoStackTrace(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain(" ERROR ");
    }

    private ResultActions submit(String json) throws Exception {
        return mvc.perform(post("/api/briefings").with(ANALYST).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String body(String field, List<String> values) {
        return JSON.writeValueAsString(java.util.Map.of(field, new ArrayList<>(values)));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private long instances() {
        try {
            return jobs.getJobInstanceCount(BriefingRunner.JOB_NAME);
        } catch (NoSuchJobException e) {
            return 0;
        }
    }
}
