package dev.briefings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.briefings.BriefingsApplication;

@SpringBootTest(classes = BriefingsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class WebPagesTest {

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry r) {
        ServerFolders.register(r, temp);
    }

    static final RequestPostProcessor ANALYST = user("analyst").roles("ANALYST");
    static final RequestPostProcessor ADMIN = user("admin").roles("ANALYST", "ADMIN");

    @Autowired
    MockMvc mvc;

    @Test
    void pagesNeedASignIn() throws Exception {
        for (String page : new String[] {"/", "/briefings/1", "/briefings/1/files/briefing", "/briefings/1/status"}) {
            // A browser asks for HTML and is sent to the sign-in form (API clients get 401 instead).
            String location = mvc.perform(get(page).accept(org.springframework.http.MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                    .andReturn().getResponse().getRedirectedUrl();
            assertThat(location).as(page).endsWith("/login");
        }
    }

    @Test
    void theFormIsLabelledAndCarriesACsrfToken() throws Exception {
        String html = page("/", ANALYST);
        for (String field : new String[] {"parties", "stages", "kinds", "minerals", "asOf", "template"}) {
            assertThat(html).contains("<label for=\"" + field + "\"").contains("id=\"" + field + "\"");
        }
        assertThat(html).containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");
    }

    @Test
    void submittingWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/briefings").with(ANALYST).param("parties", "AU")).andExpect(status().isForbidden());
    }

    @Test
    void badFiltersComeBackOnTheFormWithTheReason() throws Exception {
        String html = mvc.perform(post("/briefings").with(ANALYST).with(csrf()).param("parties", "ZZ, au")
                        .param("stages", "MINING").param("asOf", "2025-10-31"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"problems\"").contains("&#39;ZZ&#39;").contains("value=\"ZZ, au\"");
        mvc.perform(post("/briefings").with(ANALYST).with(csrf()).param("asOf", "31/10/2025"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theFormHasTheApisLimitsWithReadableReasons() throws Exception {
        String html = mvc.perform(post("/briefings").with(ANALYST).with(csrf())
                        .param("parties", String.join(", ", java.util.Collections.nCopies(51, "AU")))
                        .param("minerals", "lithium " + "x".repeat(5_000))
                        .param("asOf", "2025-10-31"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"problems\"").contains("<li>parties has 51 values; at most 50 are allowed</li>")
                .contains("<li>minerals[1] &#39;" + "x".repeat(40) + "…&#39; (5,000 characters) is longer than 100 characters</li>");
        html = mvc.perform(post("/briefings").with(ANALYST).with(csrf()).param("asOf", "9".repeat(5_000)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<li>as-of date &#39;" + "9".repeat(40) + "…&#39; (5,000 characters) is not a date (YYYY-MM-DD)</li>");
        html = mvc.perform(post("/briefings").with(ANALYST).with(csrf()).param("template", "t".repeat(5_000)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<li>template &#39;" + "t".repeat(40) + "…&#39; (5,000 characters) is not a known template</li>");
    }

    @Test
    void mistypedAndFarPagesAreAnsweredReadably() throws Exception {
        String html = mvc.perform(get("/").param("page", "x".repeat(1_000)).with(ANALYST))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("page &#39;" + "x".repeat(40) + "…&#39; (1,000 characters) is not a number.");
        // Beyond the last page (and beyond int arithmetic) is an empty list, not an error.
        assertThat(page("/?page=2147483647", ANALYST)).contains("id=\"request\"");
    }

    @Test
    void signInPageSaysWhyAndMakesAnAccountWaitAfterFiveFailures() throws Exception {
        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn("eve", "guess" + i, session))
                    .andExpect(redirectedUrl("/login?error"));
        }
        assertThat(page("/login?error", session)).contains("Wrong user name or password.");
        mvc.perform(signIn("eve", "guess5", session))
                .andExpect(redirectedUrl("/login?throttled"));
        assertThat(page("/login?throttled", session))
                .containsPattern("Too many failed sign-ins for this account or from this address; try again in (29|30) seconds\\.");
    }

    @Test
    void unknownRunsAre404() throws Exception {
        mvc.perform(get("/briefings/999999").with(ANALYST)).andExpect(status().isNotFound());
        mvc.perform(get("/briefings/x").with(ANALYST)).andExpect(status().isNotFound());
    }

    @Test
    void anAnalystMayNotRestart() throws Exception {
        mvc.perform(post("/briefings/1/restart").with(ANALYST).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void aSubmittedBriefingRunsAndIsListedWithItsFiles() throws Exception {
        String location = mvc.perform(post("/briefings").with(ANALYST).with(csrf()).param("parties", "au")
                        .param("asOf", "2025-09-30").param("template", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Matcher m = Pattern.compile("/briefings/(\\d+)$").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        long id = Long.parseLong(m.group(1));

        String state = "";
        for (int i = 0; i < 600 && !state.contains("\"running\":false"); i++) {
            state = mvc.perform(get("/briefings/" + id + "/status").with(ANALYST)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            Thread.sleep(200);
        }
        assertThat(state).contains("\"status\":\"COMPLETED\"");

        String list = page("/", ANALYST);
        assertThat(list).contains("href=\"/briefings/" + id + "\"")
                .contains("href=\"/briefings/" + id + "/files/briefing\"")
                .contains("href=\"/briefings/" + id + "/files/workbook\"")
                .contains("href=\"/briefings/" + id + "/files/rejects\"")
                .contains("href=\"/briefings/" + id + "/files/manifest\"")
                .contains("2025-09-30").contains("party-au").contains("parties: AU").contains(">COMPLETED<")
                .contains("<th scope=\"col\">Started by</th>");

        String run = page("/briefings/" + id, ANALYST);
        assertThat(run).contains("id=\"steps\"").contains("id=\"rejects\"")
                .contains("30-bad.json") // the test input's malformed file is among the rejects
                .doesNotContain("Restart this run").doesNotContain("id=\"progress\"");
        // A completed run offers no restart, not even to an admin.
        assertThat(page("/briefings/" + id, ADMIN)).doesNotContain("Restart this run");

        byte[] pdf = mvc.perform(get("/briefings/" + id + "/files/briefing").with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(Arrays.copyOf(pdf, 5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        mvc.perform(get("/briefings/" + id + "/files/secrets").with(ANALYST)).andExpect(status().isNotFound());
    }

    private String page(String path, org.springframework.mock.web.MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The sign-in form posted from one address, in one browser session. */
    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(
            String user, String password, org.springframework.mock.web.MockHttpSession session) {
        return post("/login").param("username", user).param("password", password).session(session).with(csrf())
                .with(request -> {
                    request.setRemoteAddr("192.0.2.50");
                    return request;
                });
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
