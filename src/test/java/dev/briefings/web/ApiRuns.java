package dev.briefings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Submitting a briefing through the API and waiting for it, as the API tests do. */
final class ApiRuns {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

    private ApiRuns() {
    }

    /** The id in an answer such as {"id": 7, "status": "STARTING"}. */
    static long id(String json) {
        Matcher m = ID.matcher(json);
        assertThat(m.find()).as("an id in %s", json).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** POSTs the request (expecting 202) and answers the briefing's id. */
    static long submit(MockMvc mvc, RequestPostProcessor user, String json) throws Exception {
        return id(mvc.perform(post("/api/briefings").with(user).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
    }

    /** Polls the briefing until it completed or failed (two minutes at most) and answers that status. */
    static String waitForEnd(MockMvc mvc, RequestPostProcessor user, long id) throws Exception {
        String state = "";
        for (int i = 0; i < 600 && !state.equals("COMPLETED") && !state.equals("FAILED"); i++) {
            String detail = mvc.perform(get("/api/briefings/" + id).with(user)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            Matcher s = STATUS.matcher(detail);
            assertThat(s.find()).isTrue();
            state = s.group(1);
            if (!state.equals("COMPLETED") && !state.equals("FAILED")) {
                Thread.sleep(200);
            }
        }
        return state;
    }
}
