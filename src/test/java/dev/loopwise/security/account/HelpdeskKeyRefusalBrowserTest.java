package dev.loopwise.security.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import dev.loopwise.security.Role;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A lead who types a key name the helpdesk's account already has lands back at that form: the cursor in the name, the
 * sentence saying what to fix right under it and on screen, nothing about it at the top of the page.
 */
@QuarkusTest
class HelpdeskKeyRefusalBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;

    @Test
    void aDuplicateNameOpensAtTheHelpdeskFormWithWhatToFix() throws Exception {
        User helpdesk = ScratchAccounts.user(users.create("helpdesk-" + UUID.randomUUID().toString().substring(0, 8), null, Role.SERVICE, null));
        ScratchAccounts.key(keys.create(helpdesk.username, "Zendesk"));
        driver = Browser.start();
        Browser.run(driver, "helpdesk-key-refusal-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/users");
            String form = "#helpdesk-key form[action='/admin/users/" + helpdesk.id + "/keys']";
            WebElement name = driver.findElement(By.cssSelector(form + " input[name=name]"));
            name.clear();
            name.sendKeys("zendesk");
            clickAndWaitForNewPage(driver.findElement(By.cssSelector(form + " button[type=submit]")));
            Map<?, ?> seen = (Map<?, ?>) ((JavascriptExecutor) driver).executeScript("""
                    const form = document.querySelector(arguments[0]);
                    const field = document.activeElement;
                    const message = document.getElementById(field.getAttribute('aria-describedby'));
                    const formBox = form.getBoundingClientRect();
                    const box = message ? message.getBoundingClientRect() : null;
                    return { inForm: form.contains(field), value: field.value, invalid: field.getAttribute('aria-invalid'),
                      message: message ? message.textContent.trim() : '', underForm: !!box && box.top >= formBox.bottom - 1
                        && box.top - formBox.bottom < 40, onScreen: !!box && box.height > 0 && box.bottom <= window.innerHeight && box.top >= 0,
                      atTop: document.querySelectorAll('.alert.error').length };""", form);
            assertEquals(true, seen.get("inForm"), "the cursor is in the helpdesk form's name: " + seen);
            assertEquals("zendesk", seen.get("value"), seen.toString());
            assertEquals("true", seen.get("invalid"), seen.toString());
            assertFalse(seen.get("message").toString().isEmpty(), "the field is described by what to fix: " + seen);
            assertEquals(true, seen.get("underForm"), "the sentence stands right under the form: " + seen);
            assertEquals(true, seen.get("onScreen"), "and is on screen: " + seen);
            assertEquals(0L, seen.get("atTop"), "nothing is said at the top of the page: " + seen);
        });
    }
}
