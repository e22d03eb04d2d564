package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.JudgementMessages;
import dev.loopwise.common.ReviewMessages;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A reviewer who took long over a rewrite chooses after the item went to another reviewer: the choice is refused and the
 * next ticket comes, and the rewrite, which would have gone with the old ticket unseen, stays on the page to copy.
 */
@QuarkusTest
class LostRewriteBrowserTest extends JudgingBrowserTest {
    private static final String REWRITE = "Hi, your parcel left our warehouse today; the tracking link follows by e-mail.";

    @Test
    void aRewriteWhoseChoiceWasRefusedStaysToCopyUntilTheNextChoice() {
        Browser.run(driver, "lost-rewrite-failure", () -> {
            signIn();
            Browser.keys(driver, Keys.ENTER); // Start reviewing has the focus
            waitForTicket("URGENT");
            Browser.keys(driver, "r");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rewrite")));
            Browser.keys(driver, REWRITE, Keys.ESCAPE);
            // The server refuses this one choice as it does once the lease went to another reviewer.
            ((JavascriptExecutor) driver).executeScript("const real = window.fetch; let refused = false;"
                    + " window.fetch = (url, options) => options && options.method === 'POST' && !refused"
                    + " ? (refused = true, Promise.resolve(new Response(JSON.stringify({ code: 'lease_expired', error: arguments[0] }),"
                    + " { status: 409, headers: { 'Content-Type': 'application/json' } }))) : real(url, options);",
                    JudgementMessages.LEASE_EXPIRED);
            Browser.keys(driver, "a");
            waitForMessage(JudgementMessages.LEASE_EXPIRED);
            WebElement lost = driver.findElement(By.id("lost-rewrite"));
            wait.until(ExpectedConditions.visibilityOf(lost));
            assertEquals(JudgementMessages.LOST_REWRITE, lost.findElement(By.tagName("summary")).getText());
            lost.findElement(By.tagName("summary")).click();
            assertEquals(REWRITE, Browser.text(driver, "lost-rewrite-text"));
            assertTrue(judgements().isEmpty(), "nothing was saved");

            Browser.keys(driver, "b");
            waitForMessage(ReviewMessages.REVIEW_SAVED);
            wait.until(ExpectedConditions.invisibilityOf(lost));
            assertFalse(lost.isDisplayed(), "gone with the next choice");
        });
    }
}
