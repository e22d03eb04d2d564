package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A form refused by Loopwise marks the field to fix for whoever cannot see the page: the page opens with the cursor in
 * that field, which is marked wrong and described by the sentence that says what to fix (a screen reader reads it there).
 */
@QuarkusTest
class RefusedFieldsBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void eachRefusedFormOpensOnItsFieldDescribedByWhatToFix() throws Exception {
        driver = Browser.start();
        String unique = "refused" + System.nanoTime();
        Browser.run(driver, "refused-fields-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            refused("admin/users", "form[action='/admin/users']", Map.of("username", "Not A Name"), "username");
            refused("admin/users", "form[action='/admin/users']", Map.of("username", unique, "password", "short"), "password");
            refused("account", "form[action='/account/keys']", Map.of("name", "k".repeat(101)), "name");
            refused("admin/intents", "form[action='/admin/intents']", Map.of("name", "not a name!", "description", "The customer wants x"), "name");
            refused("admin/intents", "form[action='/admin/intents']", Map.of("name", unique, "description", ""), "description");
            refused("admin/replies", "form[action='/admin/replies']", Map.of("intent", "", "text", "Thanks for writing."), "intent");
            refused("admin/replies", "form[action='/admin/replies']", Map.of("text", ""), "text");
            refused("admin/models/try", "form[action='/admin/models/try']", Map.of("ticket", " "), "ticket");
        });
    }

    /** Sends the form with {@code typed} past the browser's own checks and looks at the page Loopwise sends back. */
    private void refused(String page, String form, Map<String, String> typed, String expectedField) {
        driver.get(base + page);
        newPageAfter(() -> ((JavascriptExecutor) driver).executeScript("""
                const form = document.querySelector(arguments[0]);
                form.noValidate = true;
                for (const [name, value] of Object.entries(arguments[1])) {
                  const field = form.elements[name];
                  field.removeAttribute('maxlength');
                  if (field.tagName === 'SELECT' && value !== '') field.selectedIndex = 1; else field.value = value;
                }
                form.requestSubmit();""", form, typed));
        Map<?, ?> seen = (Map<?, ?>) ((JavascriptExecutor) driver).executeScript("""
                const field = document.activeElement;
                const described = (field.getAttribute('aria-describedby') || '').split(' ').map((id) => document.getElementById(id))
                  .filter(Boolean).map((e) => e.textContent.trim()).join(' ');
                const shown = document.querySelector('.alert.error');
                return { name: field.name || field.tagName, invalid: field.getAttribute('aria-invalid'), described,
                  shown: shown ? shown.textContent.trim() : '', marked: document.querySelectorAll('[aria-invalid=true]').length };""");
        String where = page + " " + typed.keySet() + ": " + seen;
        assertFalse(seen.get("shown").toString().isEmpty(), "refused with a sentence: " + where);
        assertEquals(expectedField, seen.get("name"), "the cursor is in the field to fix: " + where);
        assertEquals("true", seen.get("invalid"), "the field is marked wrong: " + where);
        assertEquals(seen.get("shown"), seen.get("described"), "the field is described by what to fix: " + where);
        assertEquals(1L, seen.get("marked"), "only that field is marked: " + where);
    }
}
