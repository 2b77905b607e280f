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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.briefings.BriefingsApplication;

/**
 * Signs in with a real headless Chromium, requests a briefing through the form, waits for the run page to show its
 * files and downloads the PDF with the browser's session. Skipped only where Chromium is missing outside CI.
 * With -Dbriefings.screenshot=FILE it also saves a picture of the list page.
 */
@SpringBootTest(classes = BriefingsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
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
}
