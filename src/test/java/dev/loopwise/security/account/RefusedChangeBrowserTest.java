package dev.loopwise.security.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import dev.loopwise.security.Role;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.SecurityConfig;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A lead whose Change on Users is refused (too short a new password, their own admin role taken away) lands back in that
 * account's open form with what they typed and the cursor in the field to fix; it used to come back folded, the typed name
 * and role gone, the cursor at the top of the page.
 */
@QuarkusTest
class RefusedChangeBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    UserService users;
    @Inject
    SecurityConfig security;

    @Test
    void aRefusedChangeOpensAtItsAccountWithWhatWasTypedAndTheFieldToFix() throws Exception {
        User reviewer = ScratchAccounts.user(users.create("change-" + UUID.randomUUID().toString().substring(0, 8), "long-enough-pw",
                Role.REVIEWER, "Before"));
        driver = Browser.start();
        Browser.run(driver, "refused-change-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/users");
            String row = "tr[data-username='" + reviewer.username + "'] ";
            driver.findElement(By.cssSelector(row + "summary")).click();
            WebElement name = driver.findElement(By.cssSelector(row + "input[name=displayName]"));
            name.clear();
            name.sendKeys("Renamed Lead");
            new Select(driver.findElement(By.cssSelector(row + "select[name=status]"))).selectByValue("disabled");
            newPageAfter(() -> driver.findElement(By.cssSelector(row + "input[name=password]")).sendKeys("short", Keys.ENTER));
            Map<?, ?> seen = focused(row);
            assertEquals(true, seen.get("open"), "the account's form is open: " + seen);
            assertEquals("password", seen.get("field"), "the cursor is in the password: " + seen);
            assertEquals("true", seen.get("invalid"), seen.toString());
            assertEquals(AccountMessages.passwordTooShort(security.minPasswordLength()), seen.get("message"), seen.toString());
            assertEquals("Renamed Lead", seen.get("displayName"), "the typed name stays: " + seen);
            assertEquals("disabled", seen.get("status"), "the chosen status stays: " + seen);
            assertEquals(true, seen.get("underForm"), "what to fix stands right under the form, on screen: " + seen);
            assertEquals("Before", QuarkusTransaction.requiringNew().call(() -> User.<User>findById(reviewer.id).displayName),
                    "nothing was saved");

            String mine = "tr[data-username='admin'] ";
            driver.findElement(By.cssSelector(mine + "summary")).click();
            new Select(driver.findElement(By.cssSelector(mine + "select[name=role]"))).selectByValue("reviewer");
            newPageAfter(() -> driver.findElement(By.cssSelector(mine + "button[type=submit]")).click());
            Map<?, ?> own = focused(mine);
            assertEquals("role", own.get("field"), "the cursor is on the role: " + own);
            assertEquals("reviewer", own.get("role"), "the chosen role stays: " + own);
            assertEquals(AccountMessages.OWN_ADMIN_ROLE, own.get("message"), own.toString());
        });
    }

    private Map<?, ?> focused(String row) {
        return (Map<?, ?>) ((JavascriptExecutor) driver).executeScript("""
                const details = document.querySelector(arguments[0] + 'details');
                const field = document.activeElement;
                const message = document.getElementById(field.getAttribute('aria-describedby'));
                const form = details.querySelector('form');
                const box = message ? message.getBoundingClientRect() : null;
                const formBox = form.getBoundingClientRect();
                return { underForm: !!box && box.top >= formBox.bottom - 1 && box.top - formBox.bottom < 40 && box.height > 0
                    && box.bottom <= window.innerHeight && box.top >= 0, open: details.open, field: details.contains(field) ? field.name : field.tagName,
                  invalid: field.getAttribute('aria-invalid'), message: message ? message.textContent.trim() : '',
                  displayName: form.elements.displayName.value, role: form.elements.role.value,
                  status: form.elements.status ? form.elements.status.value : '' };""", row);
    }
}
