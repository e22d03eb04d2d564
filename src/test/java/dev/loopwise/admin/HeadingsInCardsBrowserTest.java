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
import org.openqa.selenium.JavascriptExecutor;

/** On every admin page a heading sits in the card it heads: Review quality's title and figures stood bare above its cards. */
@QuarkusTest
class HeadingsInCardsBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void everyVisibleHeadingIsInsideACard() throws Exception {
        driver = Browser.start();
        Browser.run(driver, "headings-in-cards-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            for (String page : new String[] {"admin", "admin/tickets", "admin/import", "admin/intents", "admin/replies", "admin/knowledge",
                    "admin/models", "admin/models/try", "admin/review", "admin/rounds", "admin/drift", "admin/llm", "admin/users",
                    "admin/audit", "account", "review"}) {
                driver.get(base + page);
                Object bare = ((JavascriptExecutor) driver).executeScript("""
                        return [...document.querySelectorAll('main h1, main h2')]
                          .filter((h) => !h.classList.contains('visually-hidden') && !h.closest('.card'))
                          .map((h) => h.textContent.trim());""");
                assertEquals(List.of(), bare, page + ": headings outside a card");
            }
        });
    }
}
