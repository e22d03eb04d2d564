package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * On a phone, a button with a long label (Propose replies from the agents' answers) stays inside its card; buttons in tables
 * are left out, since a wide table scrolls inside its card. Every choice of a select reads whole in it (the Train form's
 * long choices were cut off at the phone's edge), and what the chosen one means shows under it. A select writes at 16 px at
 * least, so that tapping one does not zoom the page in.
 */
@QuarkusTest
class PhoneButtonsBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void noButtonRunsPastItsCard() throws Exception {
        driver = Browser.start();
        Browser.run(driver, "phone-buttons-failure", () -> {
            driver.manage().window().setSize(new Dimension(390, 844));
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            for (String page : new String[] {"admin/replies", "admin/review", "admin/models", "admin/drift", "admin/knowledge"}) {
                driver.get(base + page);
                Object past = ((JavascriptExecutor) driver).executeScript("""
                        return [...document.querySelectorAll('.card button')].filter((b) => b.offsetParent !== null && !b.closest('table')).filter((b) => {
                          const card = b.closest('.card'); const style = getComputedStyle(card);
                          const inner = card.getBoundingClientRect().right - parseFloat(style.paddingRight);
                          return b.getBoundingClientRect().right > inner + 1;
                        }).map((b) => b.textContent.trim());""");
                assertEquals(List.of(), past, page + ": buttons past their card's edge");
            }
        });
    }

    /** The choices wider than their select's text box: each measured in the select's font, less the arrow's room. */
    private static final String CUT_CHOICES = """
            const ctx = document.createElement('canvas').getContext('2d');
            return [...document.querySelectorAll('select')].filter((s) => s.offsetParent !== null).flatMap((s) => {
              const style = getComputedStyle(s); ctx.font = style.font;
              const room = Math.min(s.getBoundingClientRect().right, document.documentElement.clientWidth) - s.getBoundingClientRect().left
                  - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - parseFloat(style.borderLeftWidth) - 20;
              return [...s.options].filter((o) => ctx.measureText(o.text).width > room).map((o) => (s.name || s.id) + ': ' + o.text);
            });""";

    /** The shown selects that write under 16 px, and at what size: at 14 or 15 px Safari on an iPhone zooms in on a tap. */
    private static final String SMALL_SELECTS = """
            return [...document.querySelectorAll('select')].filter((s) => s.offsetParent !== null)
              .filter((s) => parseFloat(getComputedStyle(s).fontSize) < 16).map((s) => (s.name || s.id) + ': ' + getComputedStyle(s).fontSize);""";

    @Test
    void everyChoiceReadsWholeOnAPhone() throws Exception {
        driver = Browser.start();
        Browser.run(driver, "phone-choices-failure", () -> {
            driver.manage().window().setSize(new Dimension(390, 844));
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            Map<String, Object> cut = new TreeMap<>();
            Map<String, Object> small = new TreeMap<>();
            for (String page : new String[] {"admin/models", "admin/review", "admin/rounds", "admin/users", "admin/tickets",
                    "admin/intents", "admin/replies"}) {
                driver.get(base + page);
                // Every page is looked at before failing: a fix for one select must not cut another page's.
                cut.put(page, ((JavascriptExecutor) driver).executeScript(CUT_CHOICES));
                small.put(page, ((JavascriptExecutor) driver).executeScript(SMALL_SELECTS));
            }
            cut.values().removeIf(List.of()::equals);
            small.values().removeIf(List.of()::equals);
            assertEquals(Map.of(), cut, "choices cut off in their select");
            assertEquals(Map.of(), small, "selects an iPhone zooms in on");
            driver.get(base + "admin/models");
            new Select(driver.findElement(By.id("regime"))).selectByValue("finetune");
            String hint = driver.findElement(By.id("regime-hint")).getText();
            assertTrue(hint.contains("Fine-tune the reading model") && hint.contains("sometimes more accurate"), "under the select: " + hint);
        });
    }
}
