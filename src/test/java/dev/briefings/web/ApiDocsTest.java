package dev.briefings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.briefings.BriefingsApplication;

/**
 * The OpenAPI document is generated from the controllers: every API endpoint the server maps is in it, with the
 * problem responses it can give, and nothing else is. A new endpoint without documentation fails here.
 */
@SpringBootTest(classes = BriefingsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class ApiDocsTest {

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry r) {
        ServerFolders.register(r, temp);
    }

    /** The refusals each endpoint documents, by what the handler and the security rules can answer. */
    static final Map<String, Set<Integer>> PROBLEMS = Map.of(
            "POST /api/briefings", Set.of(400, 401, 413, 429),
            "GET /api/briefings", Set.of(400, 401, 429),
            "GET /api/briefings/{id}", Set.of(400, 401, 404, 429),
            "GET /api/briefings/{id}/files/{role}", Set.of(401, 404, 429),
            "POST /api/briefings/{id}/restart", Set.of(401, 403, 404, 409, 429),
            "POST /api/briefings/{id}/stop", Set.of(401, 403, 404, 409, 429),
            "POST /api/briefings/{id}/distribute", Set.of(400, 401, 403, 404, 409, 429));

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** "METHOD /path" of every handler the server maps under /api/. */
    private Set<String> apiEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/")) {
                    for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                        endpoints.add(m.name() + " " + path);
                    }
                }
            }
        });
        return endpoints;
    }

    private JsonNode document() throws Exception {
        String json = mvc.perform(get("/v3/api-docs").with(httpBasic("analyst", "analyst-sample-password")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonMapper.builder().build().readTree(json);
    }

    /** A response, or the component response its $ref names. */
    private static JsonNode resolve(JsonNode doc, JsonNode response) {
        String ref = response.path("$ref").asString("");
        if (ref.isEmpty()) {
            return response;
        }
        assertThat(ref).startsWith("#/");
        return doc.at(ref.substring(1));
    }

    @Test
    void everyApiEndpointIsDocumentedWithItsProblemResponses() throws Exception {
        Set<String> endpoints = apiEndpoints();
        assertThat(endpoints).as("the controllers' API endpoints").hasSizeGreaterThanOrEqualTo(7)
                .contains("POST /api/briefings/{id}/stop");
        assertThat(PROBLEMS.keySet()).as("every endpoint needs its expected problem responses listed here")
                .containsExactlyInAnyOrderElementsOf(endpoints);
        JsonNode doc = document();
        Set<String> documented = new TreeSet<>();
        doc.get("paths").properties().forEach(p -> p.getValue().properties()
                .forEach(op -> documented.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));
        assertThat(documented).as("documented operations").containsExactlyInAnyOrderElementsOf(endpoints);

        for (String endpoint : endpoints) {
            String[] parts = endpoint.split(" ");
            JsonNode op = doc.get("paths").get(parts[1]).get(parts[0].toLowerCase(java.util.Locale.ROOT));
            assertThat(op.path("summary").asString()).as(endpoint + " summary").isNotBlank();
            JsonNode responses = op.get("responses");
            for (int code : PROBLEMS.get(endpoint)) {
                JsonNode response = responses.get(Integer.toString(code));
                assertThat(response).as(endpoint + " documents " + code).isNotNull();
                JsonNode resolved = resolve(doc, response);
                assertThat(resolved.path("description").asString()).as(endpoint + " " + code).isNotBlank();
                assertThat(resolved.path("content").path("application/problem+json").path("schema").path("$ref")
                        .asString()).as(endpoint + " " + code + " is a problem detail").isEqualTo("#/components/schemas/Problem");
            }
            // Success is documented too: 200 or 202.
            assertThat(responses.has("200") || responses.has("202")).as(endpoint + " success").isTrue();
        }
        JsonNode problem = doc.at("/components/schemas/Problem/properties");
        assertThat(List.of("type", "title", "status", "detail", "instance", "problems", "retryAfterSeconds"))
                .allSatisfy(f -> assertThat(problem.has(f)).as("Problem." + f).isTrue());
        assertThat(doc.at("/components/responses/Wait/headers").has("Retry-After")).isTrue();
        assertThat(doc.at("/components/responses/Unauthorized/headers").has("WWW-Authenticate")).isTrue();
        assertThat(doc.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
    }

    @Test
    void theDescriptionStatesTheConfiguredLimits() throws Exception {
        JsonNode doc = document();
        String description = doc.at("/info/description").asString();
        // The defaults of briefings.web.*: 64KB bodies (64 x 1,024 bytes), 50 values of 100 characters, 2 threads, 4 waiting.
        assertThat(description).contains("65,536 bytes").contains("50 values of at most 100 characters")
                .contains("2,500 characters").contains("At most 2 briefings run at once and 4 wait");
        JsonNode request = doc.at("/components/schemas/BriefingRequest/properties");
        assertThat(request.at("/parties/maxItems").asInt()).isEqualTo(50);
        assertThat(request.at("/parties/items/maxLength").asInt()).isEqualTo(100);
        assertThat(request.at("/stages/items/enum").toString()).contains("MAGNETS");
        assertThat(doc.at("/paths/~1api~1briefings~1{id}/get/parameters").toString()).contains("wait");
    }

    @Test
    void documentAndSwaggerUiNeedASignIn() throws Exception {
        mvc.perform(get("/v3/api-docs").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/swagger-ui/index.html").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/v3/api-docs").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/openapi.yaml").with(httpBasic("analyst", "analyst-sample-password")))
                .andExpect(status().isNotFound());
    }

    @Test
    void swaggerUiAloneGetsItsLooserStylePolicy() throws Exception {
        var analyst = user("analyst").roles("ANALYST");
        mvc.perform(get("/swagger-ui/index.html").with(analyst)).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", WebSecurity.SWAGGER_UI_CSP));
        mvc.perform(get("/").with(analyst)).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", WebSecurity.PAGES_CSP));
        assertThat(WebSecurity.PAGES_CSP).doesNotContain("unsafe-inline").doesNotContain("data:");
        assertThat(WebSecurity.SWAGGER_UI_CSP).doesNotContain("script-src").doesNotContain("unsafe-eval");
    }
}
