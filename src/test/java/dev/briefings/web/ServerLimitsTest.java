package dev.briefings.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.briefings.BriefingsApplication;

/**
 * The limits as a client meets them over the wire: bodies sent with a length and chunked (API and form), the
 * security headers and the session cookie's attributes, and an account made to wait after failed sign-ins and let
 * in again after the wait (2 s here).
 */
@SpringBootTest(classes = BriefingsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "briefings.web.sign-in.block=2s"})
@ExtendWith(OutputCaptureExtension.class)
class ServerLimitsTest {

    private static final String ANALYST = basic("analyst", "analyst-sample-password");
    private static final String JSON_TYPE = "application/json";

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry r) {
        ServerFolders.register(r, temp);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aBodyDeclaredTooLargeIsRefusedBeforeSignInOrReading() throws Exception {
        byte[] body = ("{\"minerals\": [\"" + "m".repeat(1_000_000) + "\"]}").getBytes(StandardCharsets.UTF_8);
        // No credentials at all: the size is refused first, and nothing of the body is parsed.
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/briefings")).header("Content-Type", JSON_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asString()).isEqualTo("the request body is "
                + String.format(Locale.ROOT, "%,d", body.length) + " bytes; at most 65,536 bytes are accepted");
    }

    @Test
    void aChunkedBodyIsStoppedWhereItPassesTheLimit(CapturedOutput output) throws Exception {
        byte[] body = ("{\"minerals\": [\"" + "m".repeat(200_000) + "\"]}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/briefings")).header("Content-Type", JSON_TYPE)
                .header("Authorization", ANALYST)
                // From a stream: the client cannot know the length and sends it chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(r.body()).get("detail").asString())
                .isEqualTo("the request body is larger than the limit; at most 65,536 bytes are accepted");
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    @Test
    void anOversizedFormIsRefusedWithAnErrorPageWithLengthOrChunked(CapturedOutput output) throws Exception {
        byte[] form = ("parties=" + "A".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        for (HttpRequest.BodyPublisher body : new HttpRequest.BodyPublisher[] {HttpRequest.BodyPublishers.ofByteArray(form),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))}) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/briefings"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .header("Authorization", ANALYST).POST(body));
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("What was sent is larger than the server accepts.");
        }
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    @Test
    void pagesAndApiCarryTheirSecurityHeadersAndTheSessionCookieIsSameSite() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("; HttpOnly").contains("; SameSite=Lax");

        HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/api/briefings")).header("Authorization", ANALYST));
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        assertThat(api.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(api.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void anAccountWaitsAfterFiveFailedSignInsAndIsLetInAfterTheWait() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/briefings")).header("Authorization", basic("admin", "guess" + i)));
            assertThat(r.statusCode()).as("attempt %d", i + 1).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Briefings\"");
        }
        // Even the right password waits now, and costs no password check.
        String admin = basic("admin", "admin-sample-password");
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/briefings")).header("Authorization", admin));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(json.readTree(refused.body()).get("detail").asString())
                .isEqualTo("too many failed sign-ins for this account or from this address; try again in 2 seconds");

        Thread.sleep(2_100);
        assertThat(send(HttpRequest.newBuilder(uri("/api/briefings")).header("Authorization", admin)).statusCode()).isEqualTo(200);
        // The success cleared the account: one more failure is a plain 401 again.
        assertThat(send(HttpRequest.newBuilder(uri("/api/briefings")).header("Authorization", basic("admin", "guess5")))
                .statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri("/api/briefings")).header("Authorization", admin)).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
