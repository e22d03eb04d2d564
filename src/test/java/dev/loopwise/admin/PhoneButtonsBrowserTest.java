package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * On a phone, a button with a long label (Propose replies from the agents' answers) stays inside its card; buttons in tables
 * are left out, since a wide table scrolls inside its card.
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
}
