package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.training.TrainingRun;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A training that ended went on showing, until the page reloaded, "time left: shown once the first steps are measured"
 * under its 100% and a Cancel this training button: a quick training ends before any pace is measured, so a lead saw
 * "finished" beside an offer to cancel it. What the page shows at the moment it says the run ended is now only that.
 */
@QuarkusTest
class TrainingEndBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aCancelledRunOffersNoCancelAndNoTimeLeftBeforeThePageReloads() throws Exception {
        assertEndShowsOnlyThat("training-end-cancelled", run -> run.status = TrainingRun.CANCELLED);
    }

    /** The case the lead met: a quick training succeeds before any pace is measured. */
    @Test
    void aQuickTrainingThatSucceededOffersNoCancelAndNoTimeLeftBeforeThePageReloads() throws Exception {
        assertEndShowsOnlyThat("training-end-succeeded", run -> {
            run.status = TrainingRun.SUCCEEDED;
            run.version = ModelVersion.findActive().orElseThrow();
        });
    }

    /** Follows a training at 2% (no pace measured yet) on Models, ends it with {@code end}, and reads the box as it says so. */
    private void assertEndShowsOnlyThat(String name, Consumer<TrainingRun> end) throws Exception {
        ActiveModel.awaitNoTraining();
        long id = TrainingTimeLeftBrowserTest.runningAtTwoPercent();
        try {
            driver = Browser.start();
            Browser.run(driver, name, () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/models?run=" + id);
                JavascriptExecutor page = (JavascriptExecutor) driver;
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
                TrainingTimeLeftBrowserTest.awaitFirstLook(driver);
                // What the box shows when it says the run ended, kept across the reload that follows.
                page.executeScript("sessionStorage.removeItem('atEnd');"
                        + "const region = document.getElementById('run-announce');"
                        + "new MutationObserver(() => { if (!region.textContent.startsWith('Finished')) return;"
                        + " const form = document.getElementById('run-cancel');"
                        + " sessionStorage.setItem('atEnd', JSON.stringify({ eta: document.getElementById('run-eta').textContent,"
                        + " cancel: !!form && !form.hidden && form.getClientRects().length > 0 })); })"
                        + ".observe(region, { childList: true, characterData: true, subtree: true });");
                QuarkusTransaction.requiringNew().run(() -> {
                    TrainingRun run = TrainingRun.findById(id);
                    run.progress = 1.0;
                    run.step = "Done";
                    end.accept(run);
                    run.finishedAt = OffsetDateTime.now();
                });
                wait.until(d -> page.executeScript("return sessionStorage.getItem('atEnd');") != null);
                assertEquals("{\"eta\":\"\",\"cancel\":false}", page.executeScript("return sessionStorage.getItem('atEnd');"));
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> TrainingRun.deleteById(id));
        }
    }
}
