package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A wrong password brings the sign-in page back with the name still typed and the password to type again. */
@QuarkusTest
class SignInKeepsNameBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    UserService users;

    @Test
    void aRefusedSignInKeepsTheNameTyped() throws Exception {
        String name = "keepname" + UUID.randomUUID().toString().substring(0, 6);
        ScratchAccounts.user(users.create(name, "long-enough-pw", "reviewer", null));
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Browser.run(driver, "sign-in-keeps-name-failure", () -> {
            driver.get(base + "login");
            driver.findElement(By.name("j_username")).sendKeys(name);
            newPageAfter(() -> driver.findElement(By.name("j_password")).sendKeys("not-the-password", Keys.ENTER));
            wait.until(ExpectedConditions.urlContains("error"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
            assertEquals(name, driver.findElement(By.name("j_username")).getAttribute("value"));
            assertEquals("j_password", driver.switchTo().activeElement().getAttribute("name"));
            // The password alone, typed again, signs in.
            newPageAfter(() -> driver.switchTo().activeElement().sendKeys("long-enough-pw", Keys.ENTER));
            wait.until(d -> !d.getCurrentUrl().contains("/login"));
        });
    }
}
