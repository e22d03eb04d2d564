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
 * A reviewer whose keyboard is set to Russian or Greek, to answer customers in their language, types ф or χ on the keys
 * marked A and X: the shortcuts go by where the key is when it types no Latin letter, so they work without switching.
 * A Latin letter with a mark (ö on Turkish keys) chooses nothing, and Arabic's B key, which types two letters, still means B.
 * On a French keyboard the number keys type &, é… without Shift: a skip reason's number goes by the key, as stars do.
 */
@QuarkusTest
class NonLatinKeyboardBrowserTest extends JudgingBrowserTest {
    @Test
    void theKeysMarkedAAndXChooseOnACyrillicOrGreekKeyboard() {
        Browser.run(driver, "non-latin-keyboard-failure", () -> {
            signIn();
            Browser.keys(driver, Keys.ENTER); // Start reviewing has the focus
            waitForTicket("URGENT");

            press("ф", "KeyA"); // the A key with a Russian layout
            waitFor("today", "1");
            waitForMessage(ReviewMessages.REVIEW_SAVED);
            waitForTicket("cast iron");
            press("χ", "KeyX"); // the X key with a Greek layout
            waitFor("today", "2");
            assertEquals("A", judgements().get(0).shownAs, "A is better");
            assertEquals("both_bad", judgements().get(1).choice);

            waitForTicket("cancel order");
            press("ö", "KeyX"); // a Latin letter of its own on a Turkish keyboard: not the X key's "both bad"
            press("لا", "KeyB"); // the B key with an Arabic layout types two letters
            waitFor("today", "3");
            assertEquals("B", judgements().get(2).shownAs, "B is better, and nothing before it");

            waitForTicket("rhymes with orange");
            press("s", "KeyS");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("skip-box")));
            press("&", "Digit1"); // the 1 key on a French keyboard, which types & without Shift
            wait.until(d -> judgements().size() == 4);
            assertEquals("skip", judgements().get(3).choice);
            assertEquals(ReviewMessages.SKIP_REASONS.get(0), judgements().get(3).skipReason, "the first reason");
        });
    }

    /** A key as a keyboard in another script sends it, once the page takes keys again after a ticket appeared. */
    private void press(String typed, String place) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        wait.until(d -> !"false".equals(js.executeScript("return document.getElementById('review').dataset.settled;")));
        js.executeScript("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: arguments[0], code: arguments[1],"
                + " bubbles: true, cancelable: true}));", typed, place);
    }
}
