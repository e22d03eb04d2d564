package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.ReviewMessages;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A reviewer halfway through a long better reply who reloads, follows a menu link or closes the tab would lose it without
 * a word: the judging page has the browser ask first while such a reply is unsent, and only then.
 */
@QuarkusTest
class UnsentRewriteLeaveBrowserTest extends JudgingBrowserTest {

    @Test
    void leavingWithAnUnsentRewriteIsAskedAboutFirst() {
        Browser.run(driver, "unsent-rewrite-leave-failure", () -> {
            signIn();
            Browser.keys(driver, Keys.ENTER); // Start reviewing has the focus
            waitForTicket("URGENT");
            assertEquals(false, leavingAsks(), "nothing written yet: leaving asks nothing");

            Browser.keys(driver, "r");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rewrite")));
            Browser.keys(driver, "Hi, your parcel left our warehouse today and reaches you on Friday.", Keys.ESCAPE);
            assertEquals(true, leavingAsks(), "an unsent rewrite: the browser asks before the page goes");

            Browser.keys(driver, "x");
            waitForMessage(ReviewMessages.REVIEW_SAVED_WITH_REWRITE);
            assertEquals(false, leavingAsks(), "sent with the choice: nothing is lost by leaving");
        });
    }

    /** Whether the page asks the browser to confirm leaving, as a reload or a link would find out. */
    private boolean leavingAsks() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return !window.dispatchEvent(new Event('beforeunload', { cancelable: true }));"));
    }
}
