package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.model.ActiveModel;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reviewer who has just judged a ticket follows the judging page's link to My judgements and finds that choice there. */
@QuarkusTest
class JudgementHistoryBrowserTest extends ReviewerBrowserTest {
    WebDriverWait wait;
    String reviewer;

    @BeforeEach
    void setUp() throws Exception {
        ActiveModel.await();
        reviewer = newReviewer("history");
        freshItems(2);
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @Test
    void theJudgingPageLeadsToMyJudgementsWhereTheChoiceIsListed() {
        Browser.run(driver, "judgement-history-failure", () -> {
            driver.get(base + "review/judge");
            signIn(wait, reviewer);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
            String ticket = Browser.text(driver, "ticket-text");
            String replyA = Browser.text(driver, "text-A");
            Browser.keys(driver, "a");
            Browser.waitFor(wait, "message", ReviewMessages.REVIEW_SAVED);

            clickAndWaitForNewPage(driver.findElement(By.id("history-link")));
            assertTrue(driver.getCurrentUrl().endsWith("/review/history"), driver.getCurrentUrl());
            assertEquals(ReviewMessages.HISTORY_INTRO, Browser.text(driver, "history-intro"));
            List<WebElement> rows = driver.findElements(By.cssSelector("#history article.past"));
            assertEquals(1, rows.size(), "the one choice made");
            WebElement row = rows.get(0);
            assertEquals(String.valueOf(choices(reviewer).get(0).id), row.getAttribute("data-judgement"));
            assertTrue(row.findElement(By.cssSelector(".past-head")).getText().endsWith("A was better"), row.getText());
            assertEquals(flat(ticket), flat(row.findElement(By.cssSelector(".ticket-text")).getText()));
            assertEquals(flat(replyA), flat(row.findElement(By.cssSelector(".reply-A")).getText()), "A as it was shown");
            assertTrue(row.findElement(By.cssSelector(".candidate.chosen .reply-A")).isDisplayed(), "the chosen reply stands out");

            clickAndWaitForNewPage(driver.findElement(By.id("back-to-judging")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
        });
    }

    /** The list shows a reply on as few lines as it takes; the words are what must match. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
