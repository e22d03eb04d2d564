package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * On a laptop screen, what a choice did shows where the reviewer looks: with the rewrite box open the choices end near the
 * bottom of the screen, and a message under them (here, that the rewrite is too long) was below the fold, unseen. A refusal
 * stays until it is closed: one that went after six seconds was missed by a reviewer who looked away.
 */
@QuarkusTest
class ChoiceMessageInViewBrowserTest extends ReviewerBrowserTest {

    @Test
    void aRefusedRewriteSaysSoOnScreen() throws Exception {
        ActiveModel.await();
        String reviewer = newReviewer("msgview");
        ReviewItems.fresh(em, 2, 1, ReviewItem.REGULAR);
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Browser.run(driver, "choice-message-in-view-failure", () -> {
            driver.manage().window().setSize(new Dimension(1280, 720));
            signIn(base, reviewer, "browser-password");
            driver.get(base + "review/judge");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
            Browser.keys(driver, "r");
            // Longer than the box allows: only a pasted script gets past its limit, but the server's answer is what is shown.
            ((JavascriptExecutor) driver).executeScript("document.getElementById('rewrite').value = 'x'.repeat(4100);");
            driver.findElement(By.cssSelector("[data-choice=A]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
            List<?> seen = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                    const r = document.getElementById('message').getBoundingClientRect();
                    return [r.top, r.bottom, window.innerHeight, document.getElementById('message').textContent];""");
            double top = ((Number) seen.get(0)).doubleValue();
            double bottom = ((Number) seen.get(1)).doubleValue();
            double height = ((Number) seen.get(2)).doubleValue();
            assertTrue(seen.get(3).toString().contains("at most 4,000"), "the message: " + seen.get(3));
            assertTrue(top >= 0 && bottom <= height, "the message spans " + top + "–" + bottom + " px of a " + height + " px screen");
            // What to fix stays past the six seconds a notice shows, until the reviewer closes it.
            LockSupport.parkNanos(Duration.ofSeconds(7).toNanos());
            assertTrue(driver.findElement(By.id("message")).isDisplayed(), "the refusal is still on screen after 7 s");
            driver.findElement(By.id("message")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("message")));
        });
    }
}
