package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.loopwise.common.JudgementMessages;
import dev.loopwise.common.ReviewMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reviewer writes a long better reply, their session ends meanwhile (it outlasts the item's lease), and the item is
 * judged by others before they sign in again: the choice cannot be saved, but the reply they wrote stays on the page to
 * copy rather than vanishing with it.
 */
@QuarkusTest
class SignedOutRewriteBrowserTest extends ReviewerBrowserTest {
    private static final String REWRITE = "Hi, sorry for the wait: your refund went out this morning and reaches your card in"
            + " three to five working days. Reply here if it has not by Friday and we will chase it with the bank.";

    @Test
    void aRewriteWhoseTicketLeftWhileSignedOutStaysToCopy() throws Exception {
        ActiveModel.await();
        String reviewer = newReviewer("signedout");
        freshItems(2);
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Browser.run(driver, "signed-out-rewrite-failure", () -> {
            signIn(wait, reviewer);
            driver.get(base + "review/judge");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-text")));
            Browser.waitForAttribute(driver, Duration.ofSeconds(10), "review", "data-settled", "true");
            String shown = Browser.text(driver, "ticket-text");
            Browser.keys(driver, "r");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rewrite")));
            Browser.keys(driver, REWRITE, Keys.ESCAPE);

            // While they typed, the session ended and the ticket on screen was judged by the rest of the team.
            users.endSessions(reviewer);
            long onScreen = QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>find("ticketText", shown).firstResult().id);
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("update review_items set status = 'complete' where id = ?1").setParameter(1, onScreen).executeUpdate();
                em.createNativeQuery("delete from review_leases where item_id = ?1").setParameter(1, onScreen).executeUpdate();
            });
            Browser.keys(driver, "a");
            wait.until(ExpectedConditions.urlContains("/login"));

            signIn(wait, reviewer);
            wait.until(ExpectedConditions.urlContains("/review/judge"));
            Browser.waitFor(wait, "message", ReviewMessages.REVIEW_CHOICE_LOST);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-text")));
            assertNotEquals(shown, Browser.text(driver, "ticket-text"), "the next ticket is on screen");
            WebElement lost = driver.findElement(By.id("lost-rewrite"));
            wait.until(ExpectedConditions.visibilityOf(lost));
            assertEquals(JudgementMessages.LOST_REWRITE, lost.findElement(By.tagName("summary")).getText());
            lost.findElement(By.tagName("summary")).click();
            assertEquals(REWRITE, Browser.text(driver, "lost-rewrite-text"), "the reply written before the sign-out");
        });
    }
}
