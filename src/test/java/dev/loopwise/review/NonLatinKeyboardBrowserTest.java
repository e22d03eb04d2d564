package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.ReviewMessages;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/**
 * A reviewer whose keyboard is set to Russian or Greek, to answer customers in their language, types ф or χ on the keys
 * marked A and X: the shortcuts go by where the key is when it types no Latin letter, so they work without switching.
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
