package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A training's time left and percentage change at every poll: read out each time, they would drown the page for a screen
 * reader. The page says each quarter of the way, a cancel and the end instead, as replays and knowledge imports do.
 */
@QuarkusTest
class TrainingAnnouncementsBrowserTest extends BrowserTest {
    private static final String CANCELLING = "Cancelling: it stops after the step it is on.";
    private static final String FINISHED = "Finished: the page now shows how it ended.";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aRunIsHeardAtEachQuarterAtItsCancelAndAtItsEndOnly() throws Exception {
        ActiveModel.awaitNoTraining();
        long id = TrainingTimeLeftBrowserTest.runningAtTwoPercent();
        try {
            driver = Browser.start();
            Browser.run(driver, "training-announcements-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/models?run=" + id);
                JavascriptExecutor page = (JavascriptExecutor) driver;
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
                TrainingTimeLeftBrowserTest.awaitFirstLook(driver);
                for (String moving : List.of("run-eta", "run-percent")) {
                    assertNull(page.executeScript("return document.getElementById(arguments[0]).closest('[role=status], [aria-live]')"
                            + "?.outerHTML ?? null;", moving), moving + " is outside any live region");
                }
                // Everything the region is given to read out, kept across the reload that shows how the run ended.
                page.executeScript("sessionStorage.setItem('heard', '[]');"
                        + "const region = document.getElementById('run-announce');"
                        + "new MutationObserver(() => { const heard = JSON.parse(sessionStorage.getItem('heard'));"
                        + " heard.push(region.textContent); sessionStorage.setItem('heard', JSON.stringify(heard)); })"
                        + ".observe(region, { childList: true, characterData: true, subtree: true });");
                change(id, run -> run.progress = 0.30);
                wait.until(d -> announced().equals("25% done."));
                // The time left comes and changes meanwhile; none of it is read out.
                change(id, run -> run.progress = 0.40);
                wait.until(d -> d.findElement(By.id("run-eta")).getText().contains("left, at this pace"));
                change(id, run -> run.progress = 0.45);
                wait.until(d -> d.findElement(By.id("run-percent")).getText().equals("45% done"));
                change(id, run -> run.progress = 0.55);
                wait.until(d -> announced().equals("50% done."));
                change(id, run -> run.cancelRequested = true);
                wait.until(d -> announced().equals(CANCELLING));
                change(id, run -> {
                    run.status = TrainingRun.CANCELLED;
                    run.finishedAt = OffsetDateTime.now();
                });
                wait.until(d -> "true".equals(d.findElement(By.id("run")).getAttribute("data-finished")));
                assertEquals("[\"25% done.\",\"50% done.\",\"" + CANCELLING + "\",\"" + FINISHED + "\"]",
                        page.executeScript("return sessionStorage.getItem('heard');"));
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> TrainingRun.deleteById(id));
        }
    }

    private String announced() {
        return driver.findElement(By.id("run-announce")).getAttribute("textContent");
    }

    private static void change(long id, Consumer<TrainingRun> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(TrainingRun.findById(id)));
    }
}
