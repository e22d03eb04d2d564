package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A new support lead's first hour, in headless Chromium, reading only what the pages show: sign in, find the
 * next step on the overview, judge 15 replies, start the first round from the Rounds page, and read why its
 * version was or was not promoted and what to do next. Every page on the way must say what to do next in words.
 */
@QuarkusTest
class NewcomerBrowserTest extends BrowserTest {
    private static final Pattern ML_TERMS = Pattern.compile("π_ref|β|\\bKL\\b|MMD|PSI|eval/|reward/|policy/");

    @TestHTTPResource("/")
    URL base;
    @Inject
    EntityManager em;

    WebDriverWait wait;

    @BeforeEach
    void setUp() throws Exception {
        ActiveModel.await();
        ReviewItems.fresh(em, 15, 1, ReviewItem.REGULAR);
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @Test
    void aNewSupportLeadFindsTheNextStepOnEveryPageUpToTheFirstRoundsVerdict() {
        Browser.run(driver, "newcomer-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);

            driver.get(base + "admin");
            String overview = visibleText();
            assertTrue(overview.contains("Next step:") || overview.contains("The loop is running"), overview);
            assertTrue(overview.contains("Have reviewers judge replies"), "the first-week steps are listed");

            clickAndWaitForNewPage(driver.findElement(By.linkText("Have reviewers judge replies")));
            wait.until(ExpectedConditions.urlContains("/admin/review"));
            driver.get(base + "review");
            Browser.keys(driver, Keys.ENTER);
            wait.until(ExpectedConditions.urlContains("/review/judge"));
            for (int judged = 1; judged <= 15; judged++) {
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
                String ticket = Browser.text(driver, "ticket-text");
                Browser.keys(driver, judged % 3 == 0 ? "b" : "a");
                Browser.waitFor(wait, "today", String.valueOf(judged));
                if (judged < 15) {
                    wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("ticket-text"), ticket)));
                }
            }

            driver.get(base + "admin/models");
            assertNextStep("models-next");

            driver.get(base + "admin/rounds");
            String rounds = visibleText();
            assertFalse(ML_TERMS.matcher(rounds.substring(0, rounds.indexOf("Advanced settings"))).find(),
                    "the start form speaks plainly; ML settings sit in a details fold: " + rounds);
            clickAndWaitForNewPage(driver.findElement(By.cssSelector("#start-round button[type=submit]")));
            wait.until(ExpectedConditions.urlMatches(".*/admin/rounds/\\d+$"));
            Browser.waitForAttribute(driver, Duration.ofSeconds(300), "round", "data-finished", "true");
            String outcome = Browser.text(driver, "round-outcome");
            // A verdict, whichever the judgements support; a round that stopped with an error is a defect, not a verdict.
            assertTrue(List.of("now answers customers", "not promoted", "not decided yet", "waits for an admin to promote").stream()
                    .anyMatch(outcome.toLowerCase()::contains), "the verdict in words: " + outcome);
            assertNextStep("round-next");
            String report = visibleText();
            assertFalse(ML_TERMS.matcher(report.substring(0, report.indexOf("What to do next:"))).find(),
                    "the verdict reads without ML terms: " + report);

            driver.get(base + "admin/drift");
            assertTrue(visibleText().contains("What to do next:"), "drift says what to do next");
            driver.get(base + "admin");
            assertTrue(visibleText().contains("Run the first improvement round"));
        });
    }

    /** The element's visible text names a next step: a sentence after "What to do next:". */
    private void assertNextStep(String id) {
        String text = Browser.text(driver, id);
        assertTrue(text.startsWith("What to do next:") && text.length() > "What to do next:".length() + 20, id + ": " + text);
    }

    /** What a person sees: the rendered text of the page, without hidden elements or folded details. */
    private String visibleText() {
        return driver.findElement(By.tagName("main")).getText();
    }
}
