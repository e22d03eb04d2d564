package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * On a phone, a reviewer's home shows its one action, Start reviewing, without scrolling past the figures first (the
 * note that none wait this moment comes after it); the judging
 * page shows no keyboard hints, and a ticket card's number says it is the ticket's.
 */
@QuarkusTest
class ReviewHomePhoneBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void startReviewingIsOnTheFirstScreenOfAPhone() throws Exception {
        ActiveModel.await(); // before the first version, the page says why there is nothing to review instead
        driver = Browser.start();
        Browser.run(driver, "review-home-phone-failure", () -> {
            driver.manage().window().setSize(new Dimension(390, 844));
            signIn(base, "reviewer1", DemoWorkspace.REVIEWER_PASSWORD);
            driver.get(base + "review");
            driver.findElement(By.id("start"));
            Object[] seen = ((List<?>) ((JavascriptExecutor) driver).executeScript(
                    "window.scrollTo(0, 0); const r = document.getElementById('start').getBoundingClientRect();"
                            + " return [r.bottom, window.innerHeight];")).toArray();
            double bottom = ((Number) seen[0]).doubleValue();
            double screen = ((Number) seen[1]).doubleValue();
            assertTrue(bottom <= screen, "Start reviewing ends at " + bottom + " px, the screen at " + screen + " px");

            // The judging page: no keyboard hints on a phone, whatever its pointer; the buttons keep their words.
            driver.get(base + "review/judge");
            Object shownHints = ((JavascriptExecutor) driver).executeScript(
                    "return [...document.querySelectorAll('.keys-only:not(.shortcuts-setting), button kbd')].filter((e) => getComputedStyle(e).display !== 'none').length;");
            assertTrue(((Number) shownHints).intValue() == 0, shownHints + " keyboard hints shown on a phone");
            driver.manage().deleteAllCookies();
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/tickets");
            Object id = ((JavascriptExecutor) driver).executeScript(
                    "const td = document.querySelector('#tickets tbody tr td:first-child'); return getComputedStyle(td, '::before').content;");
            assertTrue(String.valueOf(id).contains("Ticket"), "a ticket's number says what it is: " + id);
        });
    }
}
