package dev.loopwise.security.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.review.Browser;
import dev.loopwise.review.ReviewerBrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Someone who creates a key on Account by keyboard lands on a button that copies it, as Users offers for a helpdesk's key;
 * the page used to show the key with no button and the cursor back at the top, to be half-selected by hand.
 */
@QuarkusTest
class AccountKeyBrowserTest extends ReviewerBrowserTest {
    @Test
    void aNewKeyOpensAtItsCopyButtonAndIsNotShownAgain() throws Exception {
        String reviewer = newReviewer("keycopy");
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Browser.run(driver, "account-key-copy", () -> {
            signIn(base, reviewer, "browser-password");
            wait.until(ExpectedConditions.urlContains("/review"));
            driver.get(base + "account");
            newPageAfter(() -> driver.findElement(By.name("name")).sendKeys("review script", Keys.ENTER));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-secret")));
            JavascriptExecutor js = (JavascriptExecutor) driver;
            assertEquals("new-secret", js.executeScript("return document.activeElement.dataset.copy || document.activeElement.tagName;"),
                    "the cursor is on the key's copy button");
            assertTrue(driver.findElement(By.id("new-secret")).getText().startsWith("lw_"));
            driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            WebElement copy = driver.findElement(By.cssSelector("button[data-copy='new-secret']"));
            wait.until(d -> !copy.getText().equals("Copy the key"));
            assertNotEquals("Copy the key", copy.getText(), "the button says the key was copied or selected");
            driver.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("api-keys")));
            assertEquals(0, driver.findElements(By.id("new-secret")).size(), "shown once");
        });
    }
}
