package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewMessages;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/**
 * A choice sent while Loopwise does not answer (the network dropped, a restart) is said not to be saved, and the ticket
 * stays on screen with the reviewer's rewrite and stars: choosing again once Loopwise answers saves it. The page used to
 * show the browser's "Failed to fetch" and stop answering keys and buttons until reloaded, the rewrite lost with it.
 */
@QuarkusTest
class UnansweredChoiceBrowserTest extends JudgingBrowserTest {

    @Test
    void aChoiceLoopwiseDidNotAnswerKeepsTheTicketAndTheRewriteToChooseAgain() {
        Browser.run(driver, "unanswered-choice-failure", () -> {
            signIn();
            driver.get(base + "review/judge");
            waitForTicket("URGENT");
            String ticket = text("ticket-text");
            String better = "Hi! Your order is on its way; here is how to follow it. — Fernhill & Co. support";
            Browser.keys(driver, "r");
            driver.switchTo().activeElement().sendKeys(better);
            Browser.keys(driver, Keys.ESCAPE);
            Browser.keys(driver, "3"); // three stars for A

            JavascriptExecutor js = (JavascriptExecutor) driver;
            js.executeScript("window.realFetch = window.fetch;"
                    + " window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));");
            Browser.keys(driver, "a");
            waitForMessage(ReviewMessages.REVIEW_CHOICE_UNSENT);
            assertEquals(ticket, text("ticket-text"), "the same ticket stays");
            assertEquals(better, driver.findElement(By.id("rewrite")).getAttribute("value"), "with what the reviewer wrote");
            assertEquals("3", driver.findElement(By.id("stars-A")).getAttribute("aria-valuenow"));
            assertEquals(List.of(), judgements(), "nothing was stored");
            Browser.screenshot(driver, "unanswered-choice");

            js.executeScript("window.fetch = window.realFetch;");
            Browser.keys(driver, "a"); // Loopwise answers again: the same key saves the choice
            waitForMessage(ReviewMessages.REVIEW_SAVED_WITH_REWRITE);
            wait.until(d -> !text("ticket-text").equals(ticket));
            assertEquals(1, judgements().size());
            assertEquals(better, judgements().get(0).rewrite);
            assertTrue(text("message").startsWith(ReviewMessages.REVIEW_SAVED_WITH_REWRITE), text("message"));
        });
    }

    @Test
    void aSavedChoiceWhoseNextTicketDidNotComeOffersLookAgainNotTheJudgedTicket() {
        Browser.run(driver, "unanswered-next-failure", () -> {
            signIn();
            driver.get(base + "review/judge");
            waitForTicket("URGENT");
            String ticket = text("ticket-text");
            JavascriptExecutor js = (JavascriptExecutor) driver;
            // The choice reaches Loopwise; asking for the next ticket does not.
            js.executeScript("window.realFetch = window.fetch; window.fetch = (url, options) => options.method === 'GET'"
                    + " ? Promise.reject(new TypeError('Failed to fetch')) : window.realFetch(url, options);");
            Browser.keys(driver, "b");
            waitForMessage(ReviewMessages.REVIEW_NEXT_UNANSWERED);
            assertTrue(text("message").startsWith(ReviewMessages.REVIEW_SAVED), text("message"));
            assertEquals(1, judgements().size());
            assertTrue(!driver.findElement(By.id("item")).isDisplayed(), "the judged ticket does not stay as if it could be answered");
            assertTrue(!driver.findElement(By.cssSelector("#empty h2")).isDisplayed(), "nor does the page say nothing is waiting");
            assertEquals("look-again", js.executeScript("return document.activeElement.id;"));
            Browser.screenshot(driver, "unanswered-next");

            js.executeScript("window.fetch = window.realFetch;");
            Browser.keys(driver, Keys.ENTER); // Look again, by keyboard
            wait.until(d -> d.findElement(By.id("item")).isDisplayed() && !text("ticket-text").equals(ticket));
            assertEquals(1, judgements().size());
        });
    }

    @Test
    void aSkipLoopwiseDidNotAnswerKeepsTheReasonTyped() {
        Browser.run(driver, "unanswered-skip-failure", () -> {
            signIn();
            driver.get(base + "review/judge");
            waitForTicket("URGENT");
            String other = String.valueOf(ReviewMessages.SKIP_REASONS.size() + 1);
            String reason = "The order number in it belongs to another shop";
            JavascriptExecutor js = (JavascriptExecutor) driver;
            Browser.keys(driver, "s", other);
            driver.switchTo().activeElement().sendKeys(reason);
            js.executeScript("window.realFetch = window.fetch;"
                    + " window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));");
            Browser.keys(driver, Keys.ENTER);
            waitForMessage(ReviewMessages.REVIEW_CHOICE_UNSENT);
            js.executeScript("window.fetch = window.realFetch;");
            Browser.keys(driver, "s", other);
            assertEquals(reason, driver.findElement(By.id("skip-other")).getAttribute("value"), "the reason is not typed again");
            Browser.keys(driver, Keys.ENTER);
            waitForMessage(ReviewMessages.REVIEW_SKIPPED);
            assertEquals(1, judgements().size());
            // The next ticket's skip box starts empty.
            Browser.keys(driver, "s", other);
            assertEquals("", driver.findElement(By.id("skip-other")).getAttribute("value"));
        });
    }
}
