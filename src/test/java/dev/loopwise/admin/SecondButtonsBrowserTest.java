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

/**
 * A page's second action (Test connection, Propose replies from the agents' answers) is drawn as an outlined button like the
 * rest of the product, not left as the browser's grey system box, which read as disabled; the primary buttons keep theirs.
 */
@QuarkusTest
class SecondButtonsBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    /** The visible buttons of neither kind, each with its look: background, border width and corner radius. */
    private static final String PLAIN_BUTTONS = """
            return [...document.querySelectorAll('main button, section button')].filter((b) => b.offsetParent !== null
                && !b.classList.contains('primary') && !b.classList.contains('link')).map((b) => {
              const s = getComputedStyle(b);
              return b.textContent.trim() + ': ' + s.backgroundColor + ' ' + s.borderTopWidth + ' ' + s.borderTopLeftRadius;
            });""";

    @Test
    void secondActionsAreOutlinedButtons() throws Exception {
        driver = Browser.start();
        Browser.run(driver, "second-buttons-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/llm");
            assertEquals(List.of("Test connection: rgb(255, 255, 255) 1px 6px"), script(PLAIN_BUTTONS));
            driver.get(base + "admin/replies");
            assertEquals(List.of("Propose replies from the agents' answers: rgb(255, 255, 255) 1px 6px"), script(PLAIN_BUTTONS));
            assertEquals("rgb(47, 111, 94)", script("return getComputedStyle(document.querySelector('button.primary')).backgroundColor"),
                    "a primary button keeps the brand colour");
        });
    }

    private Object script(String code) {
        return ((JavascriptExecutor) driver).executeScript(code);
    }
}
