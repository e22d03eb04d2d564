package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.security.SecurityConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reviewer on a phone changes their password and gets it wrong: too short a new password, or two that differ, are said
 * at once and what they typed stays (the form used to come back with all three fields empty); a current password that is
 * not right marks that field and puts the cursor there, said in words a screen reader reads with the field.
 */
@QuarkusTest
class PasswordFormBrowserTest extends ReviewerBrowserTest {
    @Inject
    SecurityConfig security;

    @Test
    void aRefusedPasswordChangeKeepsWhatWasTypedAndPointsAtTheFieldToFix() throws Exception {
        String reviewer = newReviewer("password");
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Browser.run(driver, "password-form-failure", () -> {
            driver.manage().window().setSize(new Dimension(390, 844));
            signIn(base, reviewer, "browser-password");
            wait.until(ExpectedConditions.urlContains("/review"));
            driver.get(base + "account");
            String shortOne = "x".repeat(security.minPasswordLength() - 1);
            field("currentPassword").sendKeys("browser-password");
            field("newPassword").sendKeys(shortOne);
            samePageAfter(() -> field("repeatPassword").sendKeys(shortOne, Keys.ENTER));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-error")));
            assertEquals(AccountMessages.passwordTooShort(security.minPasswordLength()), Browser.text(driver, "password-error"));
            assertEquals("browser-password", field("currentPassword").getAttribute("value"), "what was typed stays");
            assertEquals(shortOne, field("newPassword").getAttribute("value"));
            assertEquals("true", field("newPassword").getAttribute("aria-invalid"));
            assertEquals("password-error", field("newPassword").getAttribute("aria-describedby"));
            assertEquals("newPassword", focused(), "the cursor is in the field to fix");

            field("newPassword").clear();
            field("newPassword").sendKeys("a-long-new-password");
            field("repeatPassword").clear();
            samePageAfter(() -> field("repeatPassword").sendKeys("a-long-new-passwort", Keys.ENTER));
            Browser.waitFor(wait, "password-error", AccountMessages.PASSWORDS_DIFFER);
            assertEquals("a-long-new-password", field("newPassword").getAttribute("value"));
            assertNull(field("newPassword").getAttribute("aria-invalid"), "no longer the field to fix");
            assertEquals("true", field("repeatPassword").getAttribute("aria-invalid"));
            assertEquals("repeatPassword", focused());
            Browser.screenshot(driver, "password-form-phone");

            // Only Loopwise knows the current password: the page it sends back points at that field.
            field("currentPassword").clear();
            field("currentPassword").sendKeys("not-the-password");
            field("repeatPassword").clear();
            newPageAfter(() -> field("repeatPassword").sendKeys("a-long-new-password", Keys.ENTER));
            wait.until(ExpectedConditions.urlContains("/account/password"));
            Browser.waitFor(wait, "password-error", AccountMessages.WRONG_CURRENT_PASSWORD);
            assertEquals("true", field("currentPassword").getAttribute("aria-invalid"));
            assertEquals("currentPassword", focused());
            assertEquals(Boolean.FALSE, ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth > window.innerWidth;"), "nothing needs sideways scrolling");
        });
    }

    /**
     * The change answers with the Account page at its own address: reloading the form's answer used to send the old password
     * again as the current one, and the reviewer read "Your current password is not right" about a change that had worked.
     */
    @Test
    void aChangedPasswordStaysSaidSoWhenThePageIsReloaded() throws Exception {
        String reviewer = newReviewer("password-reload");
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Browser.run(driver, "password-form-reload", () -> {
            signIn(base, reviewer, "browser-password");
            wait.until(ExpectedConditions.urlContains("/review"));
            driver.get(base + "account");
            field("currentPassword").sendKeys("browser-password");
            field("newPassword").sendKeys("a-long-new-password");
            newPageAfter(() -> field("repeatPassword").sendKeys("a-long-new-password", Keys.ENTER));
            wait.until(ExpectedConditions.urlContains("/account?password=changed"));
            Browser.waitFor(wait, "password-notice", AccountMessages.PASSWORD_CHANGED);
            driver.navigate().refresh();
            Browser.waitFor(wait, "password-notice", AccountMessages.PASSWORD_CHANGED);
            assertEquals(0, driver.findElements(By.id("password-error")).size(), "no refusal of a change that worked");
        });
    }

    private WebElement field(String name) {
        return driver.findElement(By.name(name));
    }

    private String focused() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.activeElement.name || document.activeElement.tagName;");
    }
}
