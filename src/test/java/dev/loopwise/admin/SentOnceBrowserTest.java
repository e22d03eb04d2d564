package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A form whose work a second click would do again (make review items, train, start a round, add an account, a reply or an
 * intent, create a key, import articles, propose replies) cannot be sent twice: once pressed, its buttons are off and it
 * says what it is doing. A double click on Make items used to make twice the items asked for.
 */
@QuarkusTest
class SentOnceBrowserTest extends BrowserTest {
    /** Each page and the forms on it, by their address, that a second press would repeat. */
    private static final Map<String, List<String>> FORMS = Map.of(
            "admin/review", List.of("/admin/review/generate", "/admin/review/proposals"),
            "admin/models", List.of("/admin/models/train"),
            "admin/rounds", List.of("/admin/rounds"),
            "admin/users", List.of("/admin/users"),
            "admin/replies", List.of("/admin/replies", "/admin/review/proposals"),
            "admin/intents", List.of("/admin/intents"),
            "admin/knowledge", List.of("/admin/knowledge"),
            "account", List.of("/account/keys"));

    /** Presses the form's button, keeping the page here (the test's handler, added last, stops the sending), as a person would. */
    private static final String PRESS = """
            const form = [...document.querySelectorAll('main form')].find(f => f.getAttribute('action') === arguments[0]);
            const button = form && form.querySelector('button[type=submit], button:not([type])');
            if (!button || button.disabled) return 'not offered';
            form.noValidate = true;
            document.addEventListener('submit', (e) => e.preventDefault());
            button.click();
            return null;""";

    /** What is wrong with the form once pressed: a button still on, or no word of what it is doing. */
    private static final String AFTER = """
            const form = [...document.querySelectorAll('main form')].find(f => f.getAttribute('action') === arguments[0]);
            const on = [...form.querySelectorAll('button')].filter(b => !b.disabled).map(b => b.textContent.trim());
            if (on.length > 0) return 'still pressable: ' + on.join(', ');
            const note = form.querySelector('.busy-note');
            return note && note.textContent.trim() ? null : 'says nothing of what it is doing';""";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aFormThatWouldRepeatItsWorkIsSentOnce() throws Exception {
        driver = Browser.start();
        Browser.run(driver, "sent-once-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            JavascriptExecutor js = (JavascriptExecutor) driver;
            int[] pressed = {0};
            FORMS.forEach((page, actions) -> {
                for (String action : actions) {
                    driver.get(base + page);
                    // A round or a training under way in the shared database takes its Start form away, or turns it off.
                    if ("not offered".equals(js.executeScript(PRESS, action))) {
                        continue;
                    }
                    pressed[0]++;
                    // The buttons go off just after the form is sent (a button off before would not be sent with it).
                    Object[] wrong = new Object[1];
                    try {
                        new WebDriverWait(driver, Duration.ofSeconds(3)).until(d -> (wrong[0] = js.executeScript(AFTER, action)) == null);
                    } catch (TimeoutException stillWrong) {
                        assertEquals(null, wrong[0], page + ", the form sent to " + action);
                    }
                }
            });
            assertTrue(pressed[0] >= FORMS.values().stream().mapToInt(List::size).sum() - 2, pressed[0] + " forms pressed");
        });
    }
}
