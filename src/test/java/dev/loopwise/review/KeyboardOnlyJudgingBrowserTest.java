package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.review.item.Judgement;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A reviewer with the keyboard alone and a screen reader: sign in, start, rate and choose with Tab, the arrows and Enter,
 * skip with a reason of their own; after each choice the focus is on the next ticket's first choice (on Look again when
 * nothing waits), what was saved is said in a live region, and a reason left empty is tied to its field.
 */
@QuarkusTest
class KeyboardOnlyJudgingBrowserTest extends JudgingBrowserTest {
    @Test
    void aReviewerJudgesByKeyboardAloneAndTheFocusMovesOnToTheNextTicket() {
        Browser.run(driver, "keyboard-only-judging-failure", () -> {
            driver.get(base + "login");
            // The username field has the focus.
            newPageAfter(() -> Browser.keys(driver, reviewer, Keys.TAB, "browser-password", Keys.ENTER));
            wait.until(ExpectedConditions.urlContains("/review"));
            Browser.keys(driver, Keys.ENTER);                                         // Start reviewing has the focus
            waitForTicket("URGENT");

            // What a screen reader lists and where it hears what a choice did.
            List<?> headings = (List<?>) script("return [...document.querySelectorAll('#item h2')].filter(h => h.getClientRects().length).map(h => h.textContent.trim());");
            assertEquals(3, headings.size(), headings.toString());
            assertTrue(String.valueOf(headings.get(0)).startsWith("Customer ticket"), headings.toString());
            assertEquals(List.of("Reply A", "Reply B"), headings.subList(1, 3));
            assertEquals("status", script("return document.getElementById('message').parentElement.getAttribute('role');"),
                    "the live region is there before any message, so its first message is announced");
            String keys = (String) script("return document.querySelector('.keys').textContent;");
            assertTrue(keys.contains("T, a tie") && keys.contains("S, skip"), "the page says which keys choose: " + keys);

            tabTo("#stars-A");
            Browser.keys(driver, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
            assertEquals("3", driver.findElement(By.id("stars-A")).getAttribute("aria-valuenow"));
            tabTo("[data-choice=both_bad]");
            Browser.keys(driver, Keys.ENTER);
            waitForTicket("cast iron");
            waitForMessage(ReviewMessages.REVIEW_SAVED);
            waitFor("today", "1");
            assertFirstChoiceFocused("after Both bad");
            List<Judgement> stored = judgements();
            assertEquals(1, stored.size());
            assertEquals("both_bad", stored.get(0).choice);
            assertEquals(Short.valueOf((short) 3), stored.get(0).swapped ? stored.get(0).rating2 : stored.get(0).rating1,
                    "three stars for the reply shown as A");

            tabTo("[data-action=skip]");
            Browser.keys(driver, Keys.ENTER);
            String note = driver.findElement(By.id("skip-box")).getText();
            assertTrue(note.contains("“None fits: out of scope”"), "the skip box names the button as it reads: " + note);
            Browser.keys(driver, Keys.ARROW_UP, Keys.ENTER);                          // from the first reason round to Other…
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("skip-other")));
            Browser.keys(driver, Keys.ENTER);                                         // no reason typed
            waitForMessage(ReviewMessages.SKIP_REASON_REQUIRED);
            assertEquals("skip-other", script("return document.activeElement.id;"));
            assertEquals("true", driver.findElement(By.id("skip-other")).getAttribute("aria-invalid"));
            assertEquals("message", driver.findElement(By.id("skip-other")).getAttribute("aria-describedby"),
                    "the field reads what to fix");
            Browser.keys(driver, "Sent twice", Keys.ENTER);
            waitForTicket("cancel order");
            waitForMessage(ReviewMessages.REVIEW_SKIPPED);
            assertNull(driver.findElement(By.id("skip-other")).getAttribute("aria-invalid"), "fixed, the field is no longer marked");
            assertFirstChoiceFocused("after a skip");
            assertEquals("Sent twice", judgements().get(1).skipReason);

            // Nothing more waits (the server answers the next-item call with nothing): the focus is on Look again.
            script("window.realFetch = window.fetch; window.fetch = (url, options) => options.method === 'GET'"
                    + " ? Promise.resolve(new Response(null, { status: 204 })) : window.realFetch(url, options);");
            Browser.keys(driver, Keys.ENTER);                                         // A is better, where the focus is
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("empty")));
            waitFor("today", "2");
            assertEquals("A", judgements().get(2).shownAs, "A is better");
            assertEquals("look-again", script("return document.activeElement.id;"));
        });
    }

    private void assertFirstChoiceFocused(String when) {
        assertEquals("A", script("return document.activeElement.dataset.choice || document.activeElement.tagName;"),
                "the focus " + when);
        assertEquals(Boolean.TRUE, script("return document.activeElement.matches(':focus-visible');"), "and it shows " + when);
    }

    /** Tabs until the element matching {@code css} has the focus. */
    private void tabTo(String css) {
        for (int stop = 0; stop < 30; stop++) {
            Browser.keys(driver, Keys.TAB);
            if ((Boolean) script("return document.activeElement.matches(arguments[0]);", css)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + css);
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }
}
