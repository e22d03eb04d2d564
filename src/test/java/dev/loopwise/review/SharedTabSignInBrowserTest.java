package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.Judgement;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * On a shared computer, a reviewer's session ends with a choice unsent, and a colleague signs in on the same tab and is
 * given that very ticket (its lease ran out meanwhile): the first reviewer's choice is not saved as the colleague's.
 */
@QuarkusTest
class SharedTabSignInBrowserTest extends ReviewerBrowserTest {

    @Test
    void aChoiceKeptFromAnEndedSessionIsNeverSavedForSomeoneElse() throws Exception {
        ActiveModel.await();
        String first = newReviewer("shared");
        String second = newReviewer("shared");
        long item = freshItems(1).get(0);
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Browser.run(driver, "shared-tab-failure", () -> {
            signIn(wait, first);
            driver.get(base + "review/judge");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-text")));
            String shown = Browser.text(driver, "ticket-text");

            users.endSessions(first);
            // Long enough away that the lease ran out: the ticket is free for the next reviewer.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from review_leases where item_id = ?1")
                    .setParameter(1, item).executeUpdate());
            Browser.keys(driver, "b");
            wait.until(ExpectedConditions.urlContains("/login"));

            signIn(wait, second);
            wait.until(ExpectedConditions.urlContains("/review/judge"));
            Browser.waitFor(wait, "ticket-text", shown);
            Browser.waitForAttribute(driver, Duration.ofSeconds(10), "review", "data-settled", "true");
            assertEquals(List.of(), choices(second), "the colleague chose nothing");
            assertEquals(List.of(), choices(first), "nor was it saved with the ended session");
            assertFalse(Browser.text(driver, "message").contains(ReviewMessages.REVIEW_CHOICE_KEPT), Browser.text(driver, "message"));

            Browser.keys(driver, "a"); // the colleague's own choice is saved as theirs
            Browser.waitFor(wait, "message", ReviewMessages.REVIEW_SAVED);
            List<Judgement> own = choices(second);
            assertEquals(1, own.size());
            assertEquals(item, own.get(0).itemId);
        });
    }
}
