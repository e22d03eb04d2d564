package dev.loopwise.ticket;

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

/** Every description on the Intents page shows whole, without scrolling its box: the out-of-scope one runs to three lines. */
@QuarkusTest
class IntentDescriptionsBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void everyDescriptionShowsWholeOnADesktopAndAPhone() throws Exception {
        driver = Browser.start();
        Browser.run(driver, "intent-descriptions-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            for (Dimension size : List.of(new Dimension(1280, 1000), new Dimension(390, 844))) {
                driver.manage().window().setSize(size);
                driver.get(base + "admin/intents");
                Object cut = ((JavascriptExecutor) driver).executeScript("""
                        return [...document.querySelectorAll('#intents textarea')].filter((t) => t.scrollHeight > t.clientHeight + 1)
                          .map((t) => t.value.slice(0, 40));""");
                assertEquals(List.of(), cut, "descriptions that scroll in their box at " + size.width + " px");
            }
        });
    }
}
