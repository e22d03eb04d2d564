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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * On a phone the floating choices keep to two rows inside the card, and the reasons to skip an item open above them: none
 * of the box is hidden under them.
 */
@QuarkusTest
class SkipReasonsPhoneBrowserTest extends ReviewerBrowserTest {

    @Test
    void everySkipReasonIsAboveTheChoices() throws Exception {
        ActiveModel.await();
        String reviewer = newReviewer("skipphone");
        ReviewItems.fresh(em, 2, 1, ReviewItem.REGULAR);
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Browser.run(driver, "skip-reasons-phone-failure", () -> {
            driver.manage().window().setSize(new Dimension(390, 844));
            signIn(base, reviewer, "browser-password");
            driver.get(base + "review/judge");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
            List<?> bar = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                    const buttons = [...document.querySelectorAll('.review .choices button')];
                    const rows = new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
                    const card = document.getElementById('item').getBoundingClientRect();
                    return [rows.size, buttons.filter((b) => b.scrollWidth > b.clientWidth || b.getBoundingClientRect().right > card.right
                        || b.getBoundingClientRect().left < card.left).map((b) => b.textContent.trim())];""");
            assertTrue(((Number) bar.get(0)).intValue() <= 2, "the choices take " + bar.get(0) + " rows");
            assertEquals(List.of(), bar.get(1), "choices cut off or past the card's edge");
            driver.findElement(By.cssSelector("[data-action=skip]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("skip-box")));
            List<?> seen = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                    const bar = document.querySelector('.review .choices').getBoundingClientRect();
                    return [document.getElementById('skip-box').getBoundingClientRect().bottom, bar.top];""");
            double lowest = ((Number) seen.get(0)).doubleValue();
            double choices = ((Number) seen.get(1)).doubleValue();
            assertTrue(lowest <= choices, "the reasons' box ends at " + lowest + " px, the choices begin at " + choices + " px");
        });
    }
}
