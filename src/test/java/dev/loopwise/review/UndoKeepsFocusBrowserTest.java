package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.model.ActiveModel;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * On a tablet (1024×768), a reviewer at the keyboard who undoes a choice with the undo button (Tab to it, Enter) keeps the
 * focus on the item that came back, on its choices: the button goes once used, and the focus fell to the page's top.
 */
@QuarkusTest
class UndoKeepsFocusBrowserTest extends ReviewerBrowserTest {
    @Test
    void undoWithTheButtonLeavesTheFocusOnTheChoices() throws Exception {
        ActiveModel.await();
        String reviewer = newReviewer("undofocus");
        freshItems(3);
        driver = Browser.start();
        driver.manage().window().setSize(new Dimension(1024, 768));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Browser.run(driver, "undo-keeps-focus-failure", () -> {
            signIn(base, reviewer, "browser-password");
            driver.get(base + "review/judge");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
            String first = Browser.text(driver, "ticket-text");
            Browser.keys(driver, "a");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("undo-hint")));
            wait.until(d -> !first.equals(Browser.text(d, "ticket-text")));
            // Where Tab lands from the choices' row: the undo button, then Enter presses it.
            ((JavascriptExecutor) driver).executeScript("document.getElementById('undo-hint').focus();");
            Browser.keys(driver, Keys.ENTER);
            wait.until(d -> first.equals(Browser.text(d, "ticket-text")));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("undo-hint")));
            Object focused = ((JavascriptExecutor) driver).executeScript("const a = document.activeElement;"
                    + " return a.closest('#item .choices') ? 'a choice' : a.tagName + ' ' + a.textContent.trim().substring(0, 40);");
            assertEquals("a choice", focused, "where the focus is after the undo");
        });
    }
}
