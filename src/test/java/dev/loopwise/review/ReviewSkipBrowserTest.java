package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.model.registry.training.ModelTrainer;
import dev.loopwise.review.item.Judgement;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A reviewer in real headless Chromium, by keyboard: skips with a chosen reason (a started rewrite is not lost to it),
 * answers "out of scope" and takes it back, and is told when undo is too late.
 */
@QuarkusTest
class ReviewSkipBrowserTest extends JudgingBrowserTest {
    @Test
    void aReviewerSkipsWithAChosenReasonAnswersOutOfScopeAndIsToldWhenUndoIsTooLate() {
        Browser.run(driver, "review-browser-skip-failure", () -> {
            signIn();
            driver.get(base + "review/judge");
            waitForTicket("URGENT");
            // A rewrite is not lost to a skip: the item stays, with the text, and the message says what to do.
            Browser.keys(driver, "r");
            driver.switchTo().activeElement().sendKeys("A reply I started");
            Browser.keys(driver, Keys.ESCAPE);
            Browser.keys(driver, "s");
            Browser.keys(driver, "2");
            waitForMessage(ReviewMessages.NO_REWRITE_WITH_CHOICE);
            assertTrue(text("ticket-text").contains("URGENT"), text("ticket-text"));
            assertEquals("A reply I started", driver.findElement(By.id("rewrite")).getAttribute("value"));
            driver.findElement(By.id("rewrite")).clear();
            Browser.keys(driver, Keys.ESCAPE);
            Browser.keys(driver, "s");      // the reasons open inline, no window.prompt()
            assertTrue(driver.findElement(By.id("skip-box")).isDisplayed());
            Browser.screenshot(driver, "review-skip-reasons");
            Browser.keys(driver, "2");
            waitForTicket("cast iron");
            waitForMessage(ReviewMessages.REVIEW_SKIPPED);

            Browser.keys(driver, "s");
            Browser.keys(driver, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER); // to "Other…"
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("skip-other")));
            Browser.keys(driver, Keys.ENTER);
            waitForMessage(ReviewMessages.SKIP_REASON_REQUIRED);
            driver.switchTo().activeElement().sendKeys("The same customer wrote twice", Keys.ENTER);
            waitForTicket("cancel order");
            assertEquals(List.of(ReviewMessages.SKIP_REASONS.get(1), "The same customer wrote twice"),
                    judgements().stream().map(j -> j.skipReason).toList());
            assertEquals("0", text("today"), "skips are not judgements");

            Browser.keys(driver, "a");
            waitForTicket("rhymes with orange");
            waitFor("today", "1");
            // That choice was made 45 seconds ago, past the 30-second window: U says so in the message area.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update judgements set created_at = now() - interval '45 seconds' where item_id = ?1").setParameter(1, items.get(2))
                    .executeUpdate());
            Browser.keys(driver, "u");
            waitForMessage("Too late to undo");
            assertTrue(Set.of(ReviewMessages.undoTooLate(30, 45), ReviewMessages.undoTooLate(30, 46)).contains(text("message")), text("message"));
            assertEquals("alert error", driver.findElement(By.id("message")).getAttribute("class"));
            assertTrue(text("ticket-text").contains("rhymes with orange"), "the item on screen stays");
            Browser.screenshot(driver, "review-undo-too-late");

            Browser.keys(driver, "o");      // none fits: out of scope, a label the next training run learns
            waitForTicket("Where is my refund");
            waitForMessage(ReviewMessages.REVIEW_SAVED_OUT_OF_SCOPE);
            waitFor("today", "2");
            assertEquals(ModelTrainer.OUT_OF_SCOPE_LABEL, outOfScopeLabel());
            Browser.keys(driver, "u");      // and an undo takes the label back with the choice
            waitForTicket("rhymes with orange");
            waitFor("today", "1");
            assertNull(outOfScopeLabel());
            Browser.keys(driver, "o");
            waitForTicket("Where is my refund");
            waitingAtLeastOne();
            assertTrue(judgements().stream().anyMatch(j -> j.choice.equals(Judgement.OUT_OF_SCOPE)));
            assertEquals(ModelTrainer.OUT_OF_SCOPE_LABEL, outOfScopeLabel());
        });
    }
}
