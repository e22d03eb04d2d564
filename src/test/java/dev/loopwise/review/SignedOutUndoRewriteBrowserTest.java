package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.model.ActiveModel;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reviewer writes a better reply for the ticket on screen, their session ends meanwhile, and they press U to take back
 * the choice before: the page sends them to sign in, and once back the reply is in its box again, not thrown away.
 */
@QuarkusTest
class SignedOutUndoRewriteBrowserTest extends ReviewerBrowserTest {
    private static final String REWRITE = "Hi, your replacement charger left our warehouse this morning; the tracking link"
            + " is in the email we just sent.";

    @Test
    void aRewriteTypedWhenAnUndoMeetsTheSessionsEndIsBackAfterSignIn() throws Exception {
        ActiveModel.await();
        String reviewer = newReviewer("undoout");
        freshItems(2);
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Browser.run(driver, "signed-out-undo-rewrite-failure", () -> {
            signIn(wait, reviewer);
            driver.get(base + "review/judge");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-text")));
            Browser.waitForAttribute(driver, Duration.ofSeconds(10), "review", "data-settled", "true");
            String first = Browser.text(driver, "ticket-text");
            Browser.keys(driver, "a");
            Browser.waitFor(wait, "message", ReviewMessages.REVIEW_SAVED);
            wait.until(d -> !first.equals(Browser.text(d, "ticket-text")));
            Browser.waitForAttribute(driver, Duration.ofSeconds(10), "review", "data-settled", "true");
            String second = Browser.text(driver, "ticket-text");
            Browser.keys(driver, "r");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rewrite")));
            Browser.keys(driver, REWRITE, Keys.ESCAPE);

            // While they typed, the session ended; the undo is what finds out.
            users.endSessions(reviewer);
            Browser.keys(driver, "u");
            wait.until(ExpectedConditions.urlContains("/login"));

            signIn(wait, reviewer);
            wait.until(ExpectedConditions.urlContains("/review/judge"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rewrite")));
            assertEquals(second, Browser.text(driver, "ticket-text"), "the ticket the reply was written for");
            assertEquals(REWRITE, driver.findElement(By.id("rewrite")).getDomProperty("value"), "the reply, back in its box");
        });
    }
}
