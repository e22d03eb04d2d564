package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * In headless Chromium, an admin walking through every page finds a quiet console: no script error, no failed load, and no
 * warning that a password form leaves a password manager guessing whose password it is (it then offered to save a
 * password set for another account as the admin's own).
 */
@QuarkusTest
class QuietConsoleBrowserTest extends BrowserTest {
    private static final List<String> PAGES = List.of("admin", "admin/tickets", "admin/import", "admin/intents", "admin/replies",
            "admin/knowledge", "admin/models", "admin/models/try", "admin/review", "admin/rounds", "admin/drift", "admin/llm",
            "admin/users", "admin/audit", "account", "review");

    @Test
    void everyAdminPageLeavesTheConsoleQuiet() throws Exception {
        driver = withConsole();
        Browser.run(driver, "quiet-console-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            List<String> said = new ArrayList<>();
            for (String page : PAGES) {
                driver.get(base + page);
                // Scripts that load data after the page (charts, progress) report their failures a moment later.
                LockSupport.parkNanos(Duration.ofMillis(700).toNanos());
                for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                    if (entry.getLevel().intValue() >= Level.WARNING.intValue() || entry.getMessage().contains("[DOM]")) {
                        said.add("/" + page + ": " + entry.getLevel() + " " + entry.getMessage());
                    }
                }
            }
            assertEquals(List.of(), said, "what the console said");
        });
    }

    /**
     * A refused or missing page says so once: its own status is the only failure in the console, with no second one for
     * an icon the error page did not name.
     */
    @Test
    void anErrorPageFailsOnlyWithItsOwnStatus() throws Exception {
        driver = withConsole();
        Browser.run(driver, "quiet-error-page-failure", () -> {
            signIn(base, "reviewer1", DemoWorkspace.REVIEWER_PASSWORD);
            driver.manage().logs().get(LogType.BROWSER);
            List<String> said = new ArrayList<>();
            for (String page : List.of("admin/users", "no-such-page")) {
                driver.get(base + page);
                // The refusal keeps the reviewer's own menu, so the way on is one click away.
                assertEquals(List.of("Review", "Account"), driver.findElements(By.cssSelector("nav[aria-label='Main menu'] a")).stream()
                        .map(WebElement::getText).toList(), "/" + page + "'s menu");
                LockSupport.parkNanos(Duration.ofMillis(700).toNanos());
                for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                    if (!entry.getMessage().startsWith(base + page + " ")) {
                        said.add("/" + page + ": " + entry.getLevel() + " " + entry.getMessage());
                    }
                }
            }
            assertEquals(List.of(), said, "what the console said besides the pages' own status");
        });
    }

    @TestHTTPResource("/")
    URL base;

    /** Chromium as {@link Browser#start()} runs it, keeping what its console says for the test to read. */
    private static ChromeDriver withConsole() throws IOException {
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1366,768",
                "--user-data-dir=" + Files.createTempDirectory("loopwise-chromium"));
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
