package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.review.item.ReviewConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A new reviewer is told how far they are from seeing their agreement ("several items" left them guessing), and the judging
 * page with nothing to judge is no dead end: they can look again there, or go back to their figures.
 */
@QuarkusTest
class ReviewerWayOnBrowserTest extends JudgingBrowserTest {
    @Inject
    ReviewConfig config;

    @Test
    void aNewReviewerReadsHowManySharedItemsTheirAgreementWaitsFor() {
        Browser.run(driver, "reviewer-agreement-failure", () -> {
            signIn();
            assertEquals("—", driver.findElement(By.cssSelector(".stats .stat:last-child .value")).getText());
            String note = text("agreement-note");
            assertEquals(ReviewMessages.agreementNote(0, config.minSharedItems()), note);
            assertTrue(note.contains("once " + config.minSharedItems() + " of the items you judged have been judged by others too (a dash until then): none yet"), note);
        });
        assertTrue(ReviewMessages.agreementNote(3, 5).contains(": 3 so far."));
        assertFalse(ReviewMessages.agreementNote(7, 5).contains("until then"), "shown: it says what it rests on instead");
    }

    @Test
    void withNothingToJudgeTheReviewerCanLookAgainOrGoBack() {
        Browser.run(driver, "reviewer-empty-queue-failure", () -> {
            signIn();
            driver.get(base + "review/judge");
            waitForTicket("URGENT");
            // What the page shows when the server says nothing waits; this reviewer's queue is not empty, so looking again
            // must bring an item back.
            ((JavascriptExecutor) driver).executeScript(
                    "document.getElementById('item').hidden = true; document.getElementById('empty').hidden = false;");
            assertEquals(ReviewMessages.REVIEW_EMPTY_QUEUE, text("empty-note"));
            WebElement back = driver.findElement(By.id("back-home"));
            assertTrue(back.isDisplayed() && back.getAttribute("href").endsWith("/review"), back.getAttribute("href"));
            // Loopwise not answering (the network, a restart) is said, not a press that looks ignored.
            ((JavascriptExecutor) driver).executeScript("window.realFetch = window.fetch;"
                    + " window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));");
            driver.findElement(By.id("look-again")).click();
            waitForMessage(ReviewMessages.REVIEW_LOOK_FAILED);
            ((JavascriptExecutor) driver).executeScript("window.fetch = window.realFetch;");
            driver.findElement(By.id("look-again")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item")));
            assertFalse(driver.findElement(By.id("empty")).isDisplayed(), "the empty card goes when an item comes");
            assertFalse(text("ticket-text").isBlank());
            // The button pressed is gone: focus is on the item's first choice, not back at the page's top.
            assertEquals("A", ((JavascriptExecutor) driver).executeScript("return document.activeElement.dataset.choice || document.activeElement.tagName;"));
        });
    }
}
