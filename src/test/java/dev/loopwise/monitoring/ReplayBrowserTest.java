package dev.loopwise.monitoring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** In headless Chromium: a long replay file is followed on the drift page as it is sent, and cancelled from there. */
@QuarkusTest
class ReplayBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aLongReplayShowsItsProgressAndCanBeCancelledFromThePage() throws Exception {
        ActiveModel.await();
        Path file = Files.createTempFile("replay", ".csv");
        Files.writeString(file, BackgroundReplayTest.familiarTickets(3000));
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        Browser.run(driver, "replay-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/drift");
            new Select(driver.findElement(By.cssSelector("#replay select[name=source]"))).selectByValue("file");
            driver.findElement(By.cssSelector("#replay input[type=file]")).sendKeys(file.toString());
            // Another test's replay may be sending tickets on the page this one leaves.
            clickAndWaitForNewPage(driver.findElement(By.cssSelector("#replay button[type=submit]")));
            // The page answers at once and follows the replay: its sentence counts the tickets sent as they go.
            wait.until(ExpectedConditions.textMatches(By.cssSelector("[data-progress-url] .job-said"),
                    Pattern.compile("sending tickets: [1-9][0-9,]* of 3,000")));
            clickAndWaitForNewPage(driver.findElement(By.xpath("//button[text()='Cancel this replay']")));
            wait.until(ExpectedConditions.textMatches(By.id("replay-outcomes"), Pattern.compile(
                    Pattern.quote(file.getFileName().toString()) + ", [^\\n]*UTC: cancelled after [0-9,]+ of 3,000 tickets")));
            // Only this replay's box: another test's replay may still be running on the same database.
            assertTrue(driver.findElements(By.xpath("//div[@data-progress-url][.//strong[text()='" + file.getFileName() + "']]"))
                    .isEmpty(), "this replay is no longer shown as running");
        });
    }
}
