package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.privacy.ReviewerPrivacy;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.queue.ReviewLeases;
import dev.loopwise.security.user.User;
import dev.loopwise.ticket.SlotFiller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reviewer who has just judged a ticket follows the judging page's link to My judgements and finds that choice there. */
@QuarkusTest
class JudgementHistoryBrowserTest extends ReviewerBrowserTest {
    @Inject
    ReviewLeases leases;
    @Inject
    ReviewerPrivacy privacy;
    WebDriverWait wait;
    String reviewer;
    long item;

    @BeforeEach
    void setUp() throws Exception {
        ActiveModel.await();
        reviewer = newReviewer("history");
        item = freshItems(2).get(0);
        // Shown swapped, A being the item's second reply: a page that ignored the order shown would list the other reply as A.
        long reviewerId = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(reviewer).orElseThrow().id);
        QuarkusTransaction.requiringNew().run(() -> leases.grant(item, reviewerId, true));
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
            ReviewItem judged = QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(item));
            assertEquals(flat(asShown(privacy.mask(judged.reply2Text))), flat(replyA), "the item came swapped, as leased");
            Browser.keys(driver, "a");
            Browser.waitFor(wait, "message", ReviewMessages.REVIEW_SAVED);

            clickAndWaitForNewPage(driver.findElement(By.id("history-link")));
            assertTrue(driver.getCurrentUrl().endsWith("/review/history"), driver.getCurrentUrl());
            assertEquals(ReviewMessages.HISTORY_INTRO, Browser.text(driver, "history-intro"));
            List<WebElement> rows = driver.findElements(By.cssSelector("#history article.past"));
            assertEquals(1, rows.size(), "the one choice made");
            WebElement row = rows.get(0);
            assertEquals(String.valueOf(choices(reviewer).get(0).id), row.getAttribute("data-judgement"));
            String head = row.findElement(By.cssSelector(".past-head")).getText();
            assertTrue(head.startsWith("Judgement #" + row.getAttribute("data-judgement")) && head.endsWith("A was better"), head);
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

    /** A reply as the pages read it, each open slot by its name. */
    private static String asShown(String reply) {
        return SlotFiller.pieces(reply).stream().map(p -> p.slot() == null ? p.text() : p.slot()).collect(Collectors.joining());
    }
}
