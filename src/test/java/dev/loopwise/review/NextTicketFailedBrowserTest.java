package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.Messages;
import dev.loopwise.common.ReviewMessages;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A choice is saved, but the call for the next ticket fails on Loopwise's side (a 500): the judged ticket must not stay
 * on screen as if it could still be answered, with keys that do nothing; the page says what happened and offers Look
 * again, which brings the next ticket once Loopwise can.
 */
@QuarkusTest
class NextTicketFailedBrowserTest extends JudgingBrowserTest {
    private static final String FAILED = String.format(Messages.INTERNAL, "r-test");

    @Test
    void aNextTicketRefusedByTheServerLeavesAWayOn() {
        Browser.run(driver, "next-ticket-failed-failure", () -> {
            signIn();
            Browser.keys(driver, Keys.ENTER); // Start reviewing has the focus
            waitForTicket("URGENT");
            String judged = text("ticket-text");
            // The next-item call fails once on the server's side.
            ((JavascriptExecutor) driver).executeScript("const real = window.fetch; let failed = false;"
                    + " window.fetch = (url, options) => String(url).endsWith('/review/items/next') && !failed"
                    + " ? (failed = true, Promise.resolve(new Response(JSON.stringify({ code: 'internal_error', error: arguments[0] }),"
                    + " { status: 500, headers: { 'Content-Type': 'application/json' } }))) : real(url, options);",
                    FAILED);
            Browser.keys(driver, "a");
            waitForMessage(FAILED);
            assertTrue(text("message").startsWith(ReviewMessages.REVIEW_SAVED), "the choice was saved: " + text("message"));
            assertEquals(1, judgements().size());
            assertFalse(driver.findElement(By.id("item")).isDisplayed(), "the judged ticket is not left on screen");
            assertEquals("look-again", driver.switchTo().activeElement().getAttribute("id"));

            Browser.keys(driver, Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-text")));
            wait.until(d -> !text("ticket-text").isEmpty() && !text("ticket-text").equals(judged));
        });
    }
}
