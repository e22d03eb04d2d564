package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reviewer presses a choice just after an admin disabled their account: the sign-in page says the account was disabled
 * and that the choice was not saved, instead of promising to save it after a sign-in the account cannot make.
 */
@QuarkusTest
class DisabledChoiceBrowserTest extends ReviewerBrowserTest {

    @Test
    void aChoiceAfterTheAccountWasDisabledIsSaidNotSaved() throws Exception {
        ActiveModel.await();
        String reviewer = newReviewer("disabled");
        freshItems(1);
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Browser.run(driver, "disabled-choice-failure", () -> {
            signIn(base, reviewer, "browser-password");
            driver.get(base + "review/judge");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-text")));

            long id = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(reviewer).orElseThrow().id);
            users.update("admin", id, new UserService.UserChange(null, null, null, true));
            // The browser's own requests (its favicon, an image that is missing) may come between the disabling and the
            // choice: they must not end the session quietly, or the choice could no longer be told why it was refused.
            ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " const image = new Image(); image.onload = image.onerror = () => done(); image.src = '/favicon.ico';");
            Browser.keys(driver, "b");
            wait.until(ExpectedConditions.urlContains("/login?disabled=true"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("unsent-choice")));
            assertEquals(AccountMessages.SESSION_DISABLED_CHOICE, Browser.text(driver, "unsent-choice"));
            assertEquals(AccountMessages.SESSION_DISABLED, driver.findElement(By.cssSelector(".alert.notice")).getText());
            assertNull(((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('loopwise.unsentChoice');"),
                    "given up, not sent at some later sign-in");
        });
    }
}
