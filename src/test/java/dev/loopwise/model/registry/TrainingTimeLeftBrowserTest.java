package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A long training at a few percent says when its time left comes, then gives it as soon as the page has measured a pace:
 * before, the estimate waited for a tenth of the run, and a long fine-tune showed only "2% done" for minutes.
 */
@QuarkusTest
class TrainingTimeLeftBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void anEarlyRunSaysWhenItsTimeLeftComesThenGivesIt() throws Exception {
        ActiveModel.awaitNoTraining();
        // A run row as a worker keeps it while training, moved on by hand as training would, and removed again.
        long id = runningAtTwoPercent();
        try {
            driver = Browser.start();
            Browser.run(driver, "training-time-left-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/models?run=" + id);
                String before = driver.findElement(By.id("run-eta")).getText();
                assertTrue(before.contains("shown once the first steps are measured"), "before any pace: " + before);
                awaitFirstLook(driver);
                QuarkusTransaction.requiringNew().run(() -> TrainingRun.<TrainingRun>findById(id).progress = 0.04);
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("run-eta")).getText().contains("left, at this pace"));
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> TrainingRun.deleteById(id));
        }
    }

    /**
     * A run that stalls for hours, then crawls, then goes back: the time left says so in words, never a negative, NaN,
     * Infinity or a count of thousands of minutes. The page's clock is moved on instead of waiting hours.
     */
    @Test
    void theTimeLeftStaysReadableWhenARunStallsCrawlsOrGoesBack() throws Exception {
        ActiveModel.awaitNoTraining();
        long id = runningAtTwoPercent();
        try {
            driver = Browser.start();
            Browser.run(driver, "training-time-left-stall-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/models?run=" + id);
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
                awaitFirstLook(driver);
                progress(id, 0.04);
                wait.until(d -> eta().contains("left, at this pace"));
                ((JavascriptExecutor) driver).executeScript(
                        "const real = performance.now.bind(performance); performance.now = () => real() + 3 * 3600 * 1000;");
                wait.until(d -> eta().equals("time left: not known while this step runs (no progress for 180 min)"));
                progress(id, 0.05);
                wait.until(d -> eta().equals("more than a day left, at this pace"));
                progress(id, 0.01);
                wait.until(d -> eta().equals("time left: shown once the first steps are measured"));
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> TrainingRun.deleteById(id));
        }
    }

    /** The page has read the run at 2% before the test moves it on, as it would see a real run move. */
    static void awaitFirstLook(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return performance.getEntriesByType('resource').some((e) => e.name.includes('/admin/models/runs/'));")));
    }

    private String eta() {
        String text = driver.findElement(By.id("run-eta")).getText();
        assertFalse(text.matches(".*(NaN|Infinity|-\\d|\\d{4,}).*"), "time left: " + text);
        return text;
    }

    private static void progress(long id, double progress) {
        QuarkusTransaction.requiringNew().run(() -> TrainingRun.<TrainingRun>findById(id).progress = progress);
    }

    /** A run row as a worker keeps it while training, at 2% of a fine-tune; the test removes it again. */
    static long runningAtTwoPercent() {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingRun running = new TrainingRun();
            running.status = TrainingRun.RUNNING;
            running.progress = 0.02;
            running.step = "Fine-tuning: epoch 1 of 8";
            running.startedBy = "test";
            // No worker beats for this row: heard from "later" than the test lasts, it is never taken for a dead instance's
            // run (whose page says so instead of the bar these tests follow), nor failed by the reclaim check.
            running.heartbeatAt = OffsetDateTime.now().plusMinutes(30);
            running.persist();
            return running.id;
        });
    }
}
