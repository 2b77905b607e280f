package dev.briefings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.briefings.BriefingsApplication;

/**
 * Signs in with a real headless Chromium, requests a briefing through the form, waits for the run page to show its
 * files and downloads the PDF with the browser's session. Skipped only where Chromium is missing outside CI.
 * With -Dbriefings.screenshot=FILE it also saves a picture of the list page. An admin reads the API in Swagger UI,
 * stops a running briefing with the page's button and restarts it, and sees that retention is off.
 */
@SpringBootTest(classes = {BriefingsApplication.class, RunGate.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
// Closed after the class, before JUnit deletes the temporary folder: an open H2 database otherwise writes its trace
// file into the folder being deleted, and the deletion fails.
@DirtiesContext
class BrowserEndToEndTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry r) {
        ServerFolders.register(r, temp);
    }

    @LocalServerPort
    int port;

    @Autowired
    RunGate gate;

    private ChromeDriverService service;
    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        boolean ci = System.getenv("CI") != null;
        assumeTrue(ci || Files.isExecutable(CHROMIUM), "no /usr/bin/chromium (and not in CI)");
        service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory(temp, "chromium"));
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void signInRequestABriefingAndDownloadItsPdf() throws Exception {
        String base = "http://127.0.0.1:" + port;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));

        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("analyst");
        browser.findElement(By.id("password")).sendKeys("analyst-sample-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request")));

        WebElement parties = browser.findElement(By.id("parties"));
        parties.sendKeys("AU");
        WebElement asOf = browser.findElement(By.id("asOf"));
        // A date input takes the date typed in the browser's locale; set it the way a script would, unambiguously.
        browser.executeScript("arguments[0].value = '2025-10-31';", asOf);
        new Select(browser.findElement(By.id("stages"))).deselectAll();
        browser.findElement(By.cssSelector("#request button[type=submit]")).click();

        // The run page polls its status and reloads itself with the files once they are ready.
        wait.until(ExpectedConditions.urlMatches("/briefings/\\d+$"));
        WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#downloads a[data-role=briefing]")));
        assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("COMPLETED");
        assertThat(browser.findElements(By.cssSelector("form.restart"))).isEmpty();
        String href = link.getAttribute("href");
        assertThat(href).matches(".*/briefings/\\d+/files/briefing$");

        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(session).isNotNull();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<InputStream> pdf = http.send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (InputStream in = pdf.body()) {
            assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }

        // Without the session the same link sends to the sign-in form, not the file.
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(href)).header("Accept", "text/html")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);

        browser.get(base + "/");
        WebElement runs = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("runs")));
        assertThat(runs.getText()).contains("2025-10-31").contains("party-au").contains("COMPLETED").contains("analyst");

        String screenshot = System.getProperty("briefings.screenshot");
        if (screenshot != null && !screenshot.isBlank()) {
            browser.manage().window().setSize(new Dimension(1280, 820));
            Files.write(Path.of(screenshot), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    private void signIn(String base, String name, String password, WebDriverWait wait) {
        browser.get(base + "/");
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request")));
    }

    @Test
    void adminReadsTheApiStopsAndRestartsARunAndSeesRetention() throws Exception {
        String base = "http://127.0.0.1:" + port;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        signIn(base, "admin", "admin-sample-password", wait);

        // Swagger UI, from the header's link: its scripts ran (the operations are listed, from the generated
        // document) and its style sheet applied (the method badges are coloured), under its own CSP.
        browser.findElement(By.id("api-docs-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
        wait.until(d -> d.findElements(By.cssSelector(".opblock-summary-path")).size() >= 7);
        String paths = browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .map(e -> e.getAttribute("data-path")).toList().toString();
        assertThat(paths).contains("/api/briefings/{id}/stop").contains("/api/briefings/{id}/files/{role}");
        String badge = browser.findElement(By.cssSelector(".opblock-post .opblock-summary-method"))
                .getCssValue("background-color");
        assertThat(badge).isNotIn("rgba(0, 0, 0, 0)", "transparent");

        // A run held in its ingest step: the admin's run page offers to stop it.
        gate.arm("ingestRecordsStep");
        browser.get(base + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request")));
        browser.findElement(By.id("parties")).sendKeys("JP");
        browser.executeScript("arguments[0].value = '2025-10-30';", browser.findElement(By.id("asOf")));
        new Select(browser.findElement(By.id("stages"))).deselectAll();
        browser.findElement(By.cssSelector("#request button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/briefings/\\d+$"));
        String runUrl = browser.getCurrentUrl();
        try {
            assertThat(gate.reached.await(60, TimeUnit.SECONDS)).isTrue();
            browser.navigate().refresh();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#stop button"))).click();
            wait.until(ExpectedConditions.textToBe(By.id("run-status"), "STOPPING"));
        } finally {
            gate.release.countDown();
        }
        wait.until(ExpectedConditions.textToBe(By.id("run-status"), "STOPPED"));
        assertThat(browser.getCurrentUrl()).isEqualTo(runUrl);
        assertThat(browser.findElements(By.id("downloads"))).isEmpty();
        assertThat(browser.findElements(By.id("stop"))).isEmpty();

        // Restarted from the same page, it completes.
        browser.findElement(By.cssSelector("form.restart button")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlToBe(runUrl)));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#downloads a[data-role=briefing]")));
        assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("COMPLETED");

        // No retention is configured here: the admin page says so.
        browser.findElement(By.id("retention-link")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("retention-off"))).getText())
                .contains("Retention is off");
    }
}
