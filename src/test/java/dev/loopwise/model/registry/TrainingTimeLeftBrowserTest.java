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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
        long id = QuarkusTransaction.requiringNew().call(() -> {
            TrainingRun running = new TrainingRun();
            running.status = TrainingRun.RUNNING;
            running.progress = 0.02;
            running.step = "Fine-tuning: epoch 1 of 8";
            running.startedBy = "test";
            running.persist();
            return running.id;
        });
        try {
            driver = Browser.start();
            Browser.run(driver, "training-time-left-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/models?run=" + id);
                String before = driver.findElement(By.id("run-eta")).getText();
                assertTrue(before.contains("shown once the first steps are measured"), "before any pace: " + before);
                QuarkusTransaction.requiringNew().run(() -> TrainingRun.<TrainingRun>findById(id).progress = 0.04);
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("run-eta")).getText().contains("left, at this pace"));
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> TrainingRun.deleteById(id));
        }
    }
}
