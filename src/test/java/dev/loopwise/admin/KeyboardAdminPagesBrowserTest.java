package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The admin pages run by a support lead at the keyboard alone or with a screen reader: each page's outline and names
 * ({@link KeyboardAudit}), a Tab that shows where it is and follows the page down, and a skip link that passes the menu.
 */
@QuarkusTest
class KeyboardAdminPagesBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void everyAdminPageHasItsOutlineNamedControlsAndATabThatFollowsThePage() throws Exception {
        int version = ActiveModel.await();
        driver = Browser.start();
        List<String> found = new ArrayList<>();
        Browser.run(driver, "keyboard-admin-pages-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            for (String page : List.of("admin", "admin/tickets", "admin/import", "admin/intents", "admin/replies",
                    "admin/knowledge", "admin/models", "admin/models/" + version, "admin/models/try", "admin/review",
                    "admin/rounds", "admin/drift", "admin/llm", "admin/users", "admin/audit", "account")) {
                driver.get(base + page);
                found.addAll(KeyboardAudit.outline(driver, page));
                driver.get(base + page);
                found.addAll(KeyboardAudit.tabThrough(driver, page));
            }
        });
        assertEquals(List.of(), found, "what a keyboard or a screen reader meets on the admin pages");
    }

    @Test
    void theSkipLinkTakesTheNextTabPastTheMenuIntoThePage() throws Exception {
        driver = Browser.start();
        Browser.run(driver, "keyboard-skip-link-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/models");
            new Actions(driver).sendKeys(Keys.TAB).perform();
            assertEquals("Skip to content", driver.switchTo().activeElement().getText(), "the first Tab offers to pass the menu");
            assertTrue(driver.switchTo().activeElement().isDisplayed(), "and shows itself");
            new Actions(driver).sendKeys(Keys.ENTER, Keys.TAB).perform();
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript(
                    "return !!document.activeElement.closest('main');"), "the next Tab is in the page, not the menu");
        });
    }
}
