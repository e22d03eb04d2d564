package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.training.TrainingRun;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A page left open on a training follows its instance going quiet and coming back: the bar gives way to when the instance
 * was last heard from, and returns once it beats again. The heartbeat is written by hand into the run's row.
 */
@QuarkusTest
class SilentTrainingBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void theOpenPageSaysSoWhenTheInstanceGoesQuietAndShowsTheBarAgainWhenItComesBack() throws Exception {
        ActiveModel.awaitNoTraining();
        long id = TrainingTimeLeftBrowserTest.runningAtTwoPercent();
        try {
            driver = Browser.start();
            Browser.run(driver, "silent-training-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/models?run=" + id);
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                wait.until(d -> d.findElement(By.id("run-percent")).getText().equals("2% done"));
                assertTrue(!driver.findElement(By.id("run-silent")).isDisplayed(), "nothing said while it beats");
                heard(id, OffsetDateTime.now().minusSeconds(50));
                wait.until(d -> d.findElement(By.id("run-silent")).isDisplayed());
                String said = driver.findElement(By.id("run-silent")).getText();
                assertTrue(said.startsWith("No word from the instance running it since ") && said.contains("it will be marked failed at about"),
                        said);
                assertTrue(!driver.findElement(By.id("run-progress")).isDisplayed(), "the bar that would sit still is hidden");
                heard(id, OffsetDateTime.now().plusMinutes(30));
                wait.until(d -> d.findElement(By.id("run-progress")).isDisplayed() && !d.findElement(By.id("run-silent")).isDisplayed());
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> TrainingRun.deleteById(id));
        }
    }

    private static void heard(long id, OffsetDateTime at) {
        QuarkusTransaction.requiringNew().run(() -> TrainingRun.<TrainingRun>findById(id).heartbeatAt = at);
    }
}
