package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewConfig;
import dev.loopwise.ticket.Reply;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A reviewer in real headless Chromium, by keyboard: judges, undoes (the same item comes back), rewrites,
 * reads slots as blanks, and sees the counters move.
 */
@QuarkusTest
class ReviewBrowserTest extends JudgingBrowserTest {
    @Inject
    ReviewConfig config;

    @Test
    void aReviewerJudgesUndoesAndRewritesByKeyboardAndSeesTheCountersMove() {
        Browser.run(driver, "review-browser-failure", () -> {
            signIn();
            assertEquals("0", text("home-today"));
            // In the page's text, not in a hover title that keyboard and touch users cannot reach.
            String home = driver.findElement(By.tagName("body")).getText();
            assertTrue(home.contains(ReviewMessages.REVIEW_WAITING_NOTE) && home.contains(ReviewMessages.agreementNote(0, config.minSharedItems())), home);
            Browser.keys(driver, Keys.ENTER); // the Start button has the focus
            wait.until(ExpectedConditions.urlContains("/review/judge"));
            waitForTicket("URGENT");
            waitingAtLeastOne();
            String judging = driver.findElement(By.tagName("body")).getText();
            assertTrue(judging.contains(ReviewMessages.REVIEW_WAITING_NOTE), judging);
            String keysLine = driver.findElement(By.cssSelector(".keys")).getText();
            assertTrue(keysLine.contains("for 30 seconds") && !keysLine.contains("few"), keysLine);

            // Plain text everywhere: the HTML in the ticket is shown, not run.
            assertTrue(text("ticket-text").startsWith("<script>window.__pwned = true</script><b>URGENT</b>"), text("ticket-text"));
            assertTrue(driver.findElements(By.cssSelector("#ticket-text b, #ticket-text script")).isEmpty());
            assertNull(((JavascriptExecutor) driver).executeScript("return window.__pwned"));
            Browser.keys(driver, "u");
            waitForMessage(ReviewMessages.REVIEW_NOTHING_TO_UNDO);

            Browser.screenshot(driver, "review-judge-page");
            String shownA = text("text-A");
            Browser.keys(driver, "4");      // four stars for A
            Browser.keys(driver, "a");      // A is better
            waitForTicket("cast iron");
            waitFor("today", "1");
            waitForMessage(ReviewMessages.REVIEW_SAVED);
            String countdown = text("undo-hint");
            assertTrue(countdown.matches("U: undo · (2[5-9]|30) s"), countdown);
            Browser.screenshot(driver, "review-undo-countdown");

            Browser.keys(driver, "u");      // the item just judged comes back at once, in its A/B order
            waitForTicket("URGENT");
            waitForMessage(ReviewMessages.REVIEW_UNDONE);
            waitFor("today", "0");
            assertEquals(shownA, text("text-A"));
            assertEquals("4", driver.findElement(By.id("stars-A")).getAttribute("aria-valuenow"), "the stars given come back too");
            assertFalse(driver.findElement(By.id("undo-hint")).isDisplayed());
            // A reviewer typing on, or clicking twice: T pressed or Tie clicked the instant the next ticket appears is not an
            // answer to a ticket nobody has read (the page does both as the text changes, so the moment is exact however
            // slow the machine).
            ((JavascriptExecutor) driver).executeScript("new MutationObserver((changes, observer) => { observer.disconnect();"
                    + " document.dispatchEvent(new KeyboardEvent('keydown', {key: 't', code: 'KeyT', bubbles: true}));"
                    + " document.querySelector('[data-choice=tie]').click(); })"
                    + ".observe(document.getElementById('ticket-text'), {childList: true, characterData: true, subtree: true});");
            Browser.keys(driver, "a");
            waitForTicket("cast iron");     // then the item that was on screen
            waitForMessage(ReviewMessages.REVIEW_JUST_APPEARED);
            waitFor("today", "1");

            Browser.keys(driver, "r");      // open the rewrite box and write a better reply
            driver.switchTo().activeElement().sendKeys("Hi! Warm water and a soft brush, then dry it and oil it lightly. — Fernhill & Co. support");
            Browser.keys(driver, Keys.ESCAPE);
            Browser.keys(driver, "b");
            waitForTicket("cancel order");
            waitFor("today", "2");
            waitForMessage(ReviewMessages.REVIEW_SAVED_WITH_REWRITE);
            waitingAtLeastOne();

            // Slots read as highlighted blanks, built as nodes: no raw braces, and markup in a reply stays text.
            List<String> blanks = driver.findElements(By.cssSelector("#item .candidate .slot")).stream().map(e -> e.getText()).toList();
            assertEquals(Set.of("order number", "refund amount", "customer name"), Set.copyOf(blanks));
            assertFalse(text("text-A").contains("{{") || text("text-B").contains("{{"));
            assertTrue(text("text-A").contains("<i>") || text("text-B").contains("<i>"));
            assertTrue(driver.findElements(By.cssSelector("#item .candidate i")).isEmpty());
            assertTrue(driver.findElement(By.id("slots-note")).isDisplayed());
            Browser.screenshot(driver, "review-slot-blanks");
            driver.findElement(By.id("stars-B")).sendKeys(Keys.END, Keys.ARROW_LEFT); // stars by Tab and arrows: 4 for B
            assertEquals("4 of 5 stars", driver.findElement(By.id("stars-B")).getAttribute("aria-valuetext"));
            Browser.keys(driver, "t");      // a tie
            waitForTicket("rhymes with orange");
            waitFor("today", "3");
            assertEquals("3", text("total"));

            List<Judgement> judgements = judgements();
            assertEquals(3, judgements.size());
            assertEquals(1, judgements.stream().filter(j -> j.rewrite != null).count());
            assertTrue(judgements.stream().anyMatch(j -> "A".equals(j.shownAs)
                    && Short.valueOf((short) 4).equals(j.swapped ? j.rating2 : j.rating1)), "four stars for the reply shown as A");
            assertTrue(judgements.stream().allMatch(j -> j.durationMs != null));
            assertTrue(judgements.stream().anyMatch(j -> j.choice.equals("tie")
                    && Short.valueOf((short) 4).equals(j.swapped ? j.rating1 : j.rating2)), "a tie, four stars for the reply shown as B");
            long pending = QuarkusTransaction.requiringNew().call(() -> Reply.count("createdBy = ?1 and status = ?2", reviewer, Reply.PENDING));
            assertEquals(1, pending, "the rewrite waits for an admin as a pending library reply");

            clickAndWaitForNewPage(driver.findElement(By.cssSelector("form.logout button")));
            wait.until(ExpectedConditions.urlContains("/login"));
            driver.get(base + "review");
            wait.until(ExpectedConditions.urlContains("/login"));
        });
    }
}
