package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * On a phone each star is a target a fingertip can hit (24 px or more each way), a tap on the fourth gives four, and a
 * star set by mistake can be taken back.
 */
@QuarkusTest
class PhoneStarsBrowserTest extends ReviewerBrowserTest {

    @Test
    void eachStarIsBigEnoughToTap() throws Exception {
        ActiveModel.await();
        String reviewer = newReviewer("phonestars");
        ReviewItems.fresh(em, 2, 1, ReviewItem.REGULAR);
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Browser.run(driver, "phone-stars-failure", () -> {
            driver.manage().window().setSize(new Dimension(390, 844));
            signIn(base, reviewer, "browser-password");
            driver.get(base + "review/judge");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
            List<?> box = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                    const r = document.getElementById('stars-A').getBoundingClientRect(); return [r.width / 5, r.height];""");
            double width = ((Number) box.get(0)).doubleValue();
            double height = ((Number) box.get(1)).doubleValue();
            assertTrue(width >= 24 && height >= 24, "a star is " + width + " × " + height + " px");
            // Taps that land as the item appears are held off (they were meant for the one before): a person reads first.
            wait.until(d -> !"false".equals(d.findElement(By.id("review")).getAttribute("data-settled")));
            // The middle of the fourth star, as a finger would aim.
            int offset = (int) Math.round(3.5 * width - 2.5 * width);
            new Actions(driver).moveToElement(driver.findElement(By.id("stars-A")), offset, 0).click().perform();
            assertEquals("4", driver.findElement(By.id("stars-A")).getAttribute("aria-valuenow"));
            // A star set by mistake is taken back by tapping it again, or by pressing its key again.
            new Actions(driver).moveToElement(driver.findElement(By.id("stars-A")), offset, 0).click().perform();
            assertEquals("0", driver.findElement(By.id("stars-A")).getAttribute("aria-valuenow"));
            Browser.keys(driver, "3");
            assertEquals("3", driver.findElement(By.id("stars-A")).getAttribute("aria-valuenow"));
            Browser.keys(driver, "3");
            assertEquals("0", driver.findElement(By.id("stars-A")).getAttribute("aria-valuenow"));
        });
    }
}
