package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.admin.KeyboardAudit;
import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Starting a round at the keyboard alone: Tab meets the start button where it shows, beside the choice of method and
 * before the advanced settings; the settings fold opens with Enter and Tab goes on into it; a refused setting opens the
 * page on that field with a focus ring of its own; and a round's page, while it runs, reads as the other admin pages.
 */
@QuarkusTest
class RoundsKeyboardBrowserTest extends BrowserTest {
    private static final String OUTLINE_WIDTH = "return getComputedStyle(document.querySelector('[name=beta]')).outlineWidth;";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aLeadOpensTheSettingsFoldAndFixesARefusedSettingWithTheKeyboard() throws Exception {
        ActiveModel.await();
        driver = Browser.start();
        Browser.run(driver, "rounds-keyboard-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/rounds");
            List<String> found = new ArrayList<>(KeyboardAudit.tabThrough(driver, "admin/rounds"));
            assertEquals(List.of(), found, "Tab follows the rounds page down");

            driver.get(base + "admin/rounds");
            tabTo("summary");
            assertEquals("Advanced settings", focused().getText());
            keys(Keys.ENTER);
            assertTrue(driver.findElement(By.cssSelector("#start-round details")).getAttribute("open") != null, "Enter opens the fold");
            tabTo("[name=beta]");
            // Past the browser's own check of the range, so that Loopwise's refusal is what the test reads.
            ((JavascriptExecutor) driver).executeScript("document.getElementById('start-round').noValidate = true;");
            // Measured before the style sheets apply, the ring would be the browser's own: the new page is waited for whole.
            newPageAfter(() -> keys(Keys.chord(Keys.CONTROL, "a"), "0", Keys.ENTER));

            assertEquals("beta", focused().getAttribute("name"), "the refused page opens on the field to fix");
            assertEquals("true", focused().getAttribute("aria-invalid"));
            // Away and back with the keyboard: the page may open before the browser window has the focus itself.
            keys(Keys.TAB);
            String restingRing = (String) ((JavascriptExecutor) driver).executeScript(OUTLINE_WIDTH);
            for (int stop = 0; stop < 10 && !"beta".equals(focused().getAttribute("name")); stop++) {
                new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            }
            assertEquals("beta", focused().getAttribute("name"), "Shift+Tab goes back to it");
            String focusedRing = (String) ((JavascriptExecutor) driver).executeScript(OUTLINE_WIDTH);
            assertNotEquals(restingRing, focusedRing, "the field marked wrong still shows when it has the focus");
        });
    }

    @Test
    void aRoundsPageWhileItRunsHasItsOutlineAndATabThatFollowsThePage() throws Exception {
        int active = ActiveModel.await();
        // A row without its job: nothing but this test moves it, so the page stays as it is while the test tabs.
        long round = RoundRows.queued(RoundSettings.REWARD_WEIGHTED, null);
        RoundRows.run(round, active);
        driver = Browser.start();
        try {
            Browser.run(driver, "round-keyboard-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                String page = "admin/rounds/" + round;
                driver.get(base + page);
                List<String> found = new ArrayList<>(KeyboardAudit.outline(driver, page));
                driver.get(base + page);
                found.addAll(KeyboardAudit.tabThrough(driver, page));
                assertEquals(List.of(), found, "what a keyboard or a screen reader meets on a running round's page");
            });
        } finally {
            RoundRows.remove(round);
        }
    }

    private void tabTo(String css) {
        for (int stop = 0; stop < 60; stop++) {
            keys(Keys.TAB);
            if ((Boolean) ((JavascriptExecutor) driver).executeScript("return document.activeElement.matches(arguments[0]);", css)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + css);
    }

    private void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    private WebElement focused() {
        return driver.switchTo().activeElement();
    }
}
