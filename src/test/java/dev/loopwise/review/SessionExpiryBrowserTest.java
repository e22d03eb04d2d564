package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewItem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reviewer whose session ended while an item was on screen (signed out elsewhere, or expired) presses a choice: the
 * page sends them to sign in, brings them back to judging, and saves the choice they had made instead of losing it.
 */
@QuarkusTest
class SessionExpiryBrowserTest extends ReviewerBrowserTest {

    @Test
    void aChoiceMadeAfterTheSessionEndedIsSavedOnceTheReviewerSignsInAgain() throws Exception {
        ActiveModel.await();
        String reviewer = newReviewer("expiry");
        List<Long> items = ReviewItems.fresh(em, 2, 1, ReviewItem.REGULAR);
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Browser.run(driver, "session-expiry-failure", () -> {
            signIn(wait, reviewer);
            driver.get(base + "review/judge");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-text")));
            String shown = Browser.text(driver, "ticket-text");

            users.endSessions(reviewer); // as "sign out everywhere" from another device would
            Browser.keys(driver, "b");
            wait.until(ExpectedConditions.urlContains("/login"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("unsent-choice")));
            assertEquals(ReviewMessages.REVIEW_CHOICE_WAITS, Browser.text(driver, "unsent-choice"));
            assertEquals(List.of(), choices(reviewer), "nothing reached the server with the ended session");

            signIn(wait, reviewer);
            wait.until(ExpectedConditions.urlContains("/review/judge"));
            Browser.waitFor(wait, "message", ReviewMessages.REVIEW_CHOICE_KEPT);
            String said = Browser.text(driver, "message");
            assertTrue(said.startsWith(ReviewMessages.REVIEW_CHOICE_KEPT + " " + ReviewMessages.REVIEW_SAVED), said);
            assertEquals(1, said.toLowerCase(Locale.ROOT).split("saved", -1).length - 1, "says saved once: " + said);
            List<Judgement> saved = choices(reviewer);
            assertEquals(1, saved.size(), "the kept choice is saved once");
            assertTrue(items.contains(saved.get(0).itemId));
            String judgedText = QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(saved.get(0).itemId).ticketText);
            assertEquals(shown, judgedText, "for the item that was on screen");
            wait.until(d -> !Browser.text(driver, "ticket-text").equals(shown)); // and the next item follows
        });
    }
}
