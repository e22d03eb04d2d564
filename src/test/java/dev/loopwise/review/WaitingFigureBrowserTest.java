package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The queue is topped up while reviewers work, so Waiting may not fall after a judgement: the judging page says why,
 * once, instead of showing a figure that looks stuck.
 */
@QuarkusTest
class WaitingFigureBrowserTest extends ReviewerBrowserTest {

    @Test
    void waitingThatDoesNotFallIsExplainedOnce() throws Exception {
        ActiveModel.await();
        String reviewer = newReviewer("waiting");
        List<Long> items = ReviewItems.fresh(em, 3, 1, ReviewItem.REGULAR);
        setStatus(items.get(2), "complete");
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Browser.run(driver, "waiting-figure-failure", () -> {
            signIn(base, reviewer, "browser-password");
            driver.get(base + "review/judge");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
            assertEquals("2", Browser.text(driver, "waiting"));
            setStatus(items.get(2), "open"); // a new item made while the reviewer reads

            Browser.keys(driver, "a");
            Browser.waitFor(wait, "today", "1");
            Browser.waitFor(wait, "message", ReviewMessages.REVIEW_QUEUE_TOPPED_UP);
            assertEquals("2", Browser.text(driver, "waiting"));

            Browser.keys(driver, "a");
            Browser.waitFor(wait, "today", "2");
            assertEquals("1", Browser.text(driver, "waiting"));
            assertFalse(Browser.text(driver, "message").contains(ReviewMessages.REVIEW_QUEUE_TOPPED_UP), "said once, and only when it did not fall");
        });
    }

    private void setStatus(long item, String status) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update review_items set status = ?1 where id = ?2")
                .setParameter(1, status).setParameter(2, item).executeUpdate());
    }
}
