package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * On a phone the judging page's figures and the undo link each keep to one line: broken, "Judged today" read apart from
 * its number.
 */
@QuarkusTest
class PhoneCountersBrowserTest extends ReviewerBrowserTest {

    @Test
    void eachFigureKeepsToOneLine() throws Exception {
        ActiveModel.await();
        String reviewer = newReviewer("phonecount");
        ReviewItems.fresh(em, 3, 1, ReviewItem.REGULAR);
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Browser.run(driver, "phone-counters-failure", () -> {
            driver.manage().window().setSize(new Dimension(390, 844));
            signIn(base, reviewer, "browser-password");
            driver.get(base + "review/judge");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
            Browser.keys(driver, "t");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("undo-hint")));
            List<?> broken = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                    return [...document.querySelectorAll('.review .counters > *')].filter((e) => !e.hidden)
                        // The words' own box: a figure that is also a button is 44 px high on a phone, on one line.
                        .filter((e) => { const words = document.createRange(); words.selectNodeContents(e);
                            return words.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(e).fontSize); })
                        .map((e) => e.textContent.trim());""");
            assertEquals(List.of(), broken, "figures broken over two lines");
        });
    }
}
