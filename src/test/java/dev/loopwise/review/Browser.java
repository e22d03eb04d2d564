package dev.loopwise.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless chromium driven through its chromedriver; nothing is downloaded. */
public final class Browser {
    private Browser() {
    }

    public static WebDriver start() throws IOException {
        Path profile = Files.createTempDirectory("loopwise-chromium");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /** Runs a browser scenario; when it fails, saves what the page showed under {@code name} before failing. */
    public static void run(WebDriver driver, String name, Runnable scenario) {
        try {
            scenario.run();
        } catch (RuntimeException | Error failure) {
            screenshot(driver, name);
            throw failure;
        }
    }

    /** Keys typed to whatever has the focus, as a person at the keyboard would. */
    static void keys(WebDriver driver, CharSequence... keys) {
        // The judging page ignores keys while a ticket loads and just after it appears (they were meant for the one
        // before): a person reads first, so the test waits as long.
        new WebDriverWait(driver, java.time.Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("const p = document.getElementById('review'); return !p || p.dataset.settled !== 'false';")));
        new Actions(driver).sendKeys(keys).perform();
    }

    /** The visible text of the element with this id. */
    static String text(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** Waits until the element with this id shows {@code text} (as part of its text). */
    static void waitFor(WebDriverWait wait, String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    /**
     * Waits until the element with this id carries {@code attribute="value"} on a page that reloads itself while it
     * waits: a look that lands mid-reload (the element gone, or replaced between finding and reading it) looks again.
     */
    static void waitForAttribute(WebDriver driver, Duration timeout, String id, String attribute, String value) {
        new WebDriverWait(driver, timeout).until(d -> {
            try {
                return value.equals(d.findElement(By.id(id)).getAttribute(attribute));
            } catch (org.openqa.selenium.WebDriverException reloading) {
                return false;
            }
        });
    }

    /** Saves what the browser showed, for the person reading a failed build. */
    public static void screenshot(WebDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save a screenshot: " + e.getMessage());
        }
    }
}
