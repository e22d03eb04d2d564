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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A training's progress keeps following the run through a restart or a network blip: one unanswered request used to end
 * the following for good, leaving the bar frozen with no word why. The page says it lost contact, keeps trying, and
 * carries on once the server answers. The blip is made in the page, by failing its requests for a while.
 */
@QuarkusTest
class TrainingLostContactBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void theProgressSaysItLostContactAndCarriesOnWhenTheServerAnswersAgain() throws Exception {
        ActiveModel.awaitNoTraining();
        long id = TrainingTimeLeftBrowserTest.runningAtTwoPercent();
        try {
            driver = Browser.start();
            Browser.run(driver, "training-lost-contact-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/models?run=" + id);
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                wait.until(d -> d.findElement(By.id("run-percent")).getText().equals("2% done"));
                JavascriptExecutor js = (JavascriptExecutor) driver;
                js.executeScript("window.realFetch = window.fetch;"
                        + " window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));");
                wait.until(d -> contact().filter(WebElement::isDisplayed).map(WebElement::getText).orElse("")
                        .contains("Lost contact with Loopwise"));
                String said = contact().orElseThrow().getText();
                assertTrue(said.contains("Trying again every"), said);
                QuarkusTransaction.requiringNew().run(() -> TrainingRun.<TrainingRun>findById(id).progress = 0.3);
                js.executeScript("window.fetch = window.realFetch;");
                wait.until(d -> d.findElement(By.id("run-percent")).getText().equals("30% done"));
                wait.until(d -> !contact().orElseThrow().isDisplayed());
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> TrainingRun.deleteById(id));
        }
    }

    private Optional<WebElement> contact() {
        return driver.findElements(By.id("run-contact")).stream().findFirst();
    }
}
