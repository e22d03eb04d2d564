package dev.loopwise.review;

import dev.loopwise.common.ReviewMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.item.ReviewView;
import dev.loopwise.ticket.Reply;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In real headless Chromium: a pair of library replies shows no knowledge passages; a pair with an LLM draft shows
 * the passages it was grounded on under the replies, as plain text, with what to check them for.
 */
@QuarkusTest
class DraftPassagesBrowserTest extends ReviewerBrowserTest {
    static final String TRACKING = "Every order gets a tracking link as soon as it leaves our warehouse; "
            + "the number starts with FH.";
    static final String LONG = "A parcel that has not moved for five working days is lost: we send a new one at once. ".repeat(10);
    static final String MARKUP = "<img src=x onerror=\"window.__pwned = true\"><b>Returns</b> are free within 30 days.";

    String reviewer;
    List<Long> items;

    @BeforeEach
    void setUp() throws Exception {
        ActiveModel.await();
        reviewer = newReviewer("passages");
        long plain = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        items = List.of(plain, draftItem("no tracking mail", List.of(
                        new ReviewView.Passage("Tracking your order (https://help.fernhill.example/tracking)", TRACKING),
                        new ReviewView.Passage("Returns", MARKUP))),
                draftItem("lost in the post", List.of(new ReviewView.Passage("Lost parcels", LONG))));
        driver = Browser.start();
    }

    @AfterEach
    void tearDown() {
        // The undone draft item waits again: it is not part of the queues other tests set up.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update review_items set status = 'complete' where id = any(?1)")
                .setParameter(1, items.toArray(Long[]::new)).executeUpdate());
    }

    @Test
    void passagesShowBesideADraftAndNotBesideTwoLibraryReplies() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Browser.run(driver, "draft-passages-failure", () -> {
            signIn(base, reviewer, "browser-password");
            wait.until(ExpectedConditions.urlContains("/review"));
            driver.get(base + "review/judge");
            Browser.waitFor(wait, "ticket-text", "test ticket 0");
            assertFalse(driver.findElement(By.id("sources")).isDisplayed(), "two library replies: no passages");
            assertTrue(driver.findElements(By.cssSelector("#sources-list li")).isEmpty(), "no passage text on the page");

            Browser.keys(driver, "a");
            Browser.waitFor(wait, "ticket-text", "no tracking mail");
            WebElement sources = driver.findElement(By.id("sources"));
            assertTrue(sources.isDisplayed(), "a pair with a draft shows its passages");
            String shown = sources.getText();
            assertTrue(shown.contains(ReviewMessages.REVIEW_SOURCES_HEADING) && shown.contains(ReviewMessages.REVIEW_SOURCES_HINT), shown);
            List<String> passages = driver.findElements(By.cssSelector("#sources-list li .text")).stream().map(WebElement::getText).toList();
            assertEquals(List.of(TRACKING, MARKUP), passages, "best first, open at once when short");
            assertEquals("Tracking your order (https://help.fernhill.example/tracking)",
                    driver.findElement(By.cssSelector("#sources-list li .source")).getText());
            assertEquals("2", Browser.text(driver, "sources-count"));
            driver.findElements(By.cssSelector("#sources-list li .text, #sources-list li .source")).forEach(element ->
                    assertEquals("auto", element.getDomAttribute("dir"), "a passage in Arabic or Hebrew reads right to left"));
            // Plain text: the markup in a passage is shown, not run.
            assertTrue(driver.findElements(By.cssSelector("#sources-list img, #sources-list b")).isEmpty());
            assertEquals(null, ((JavascriptExecutor) driver).executeScript("return window.__pwned"));
            Browser.screenshot(driver, "review-draft-passages");

            Browser.keys(driver, "a");
            Browser.waitFor(wait, "ticket-text", "lost in the post");
            // Long passages start folded, so the replies and the buttons stay in view; the summary opens them.
            assertTrue(driver.findElement(By.id("sources")).isDisplayed());
            WebElement passage = driver.findElement(By.cssSelector("#sources-list li .text"));
            assertFalse(passage.isDisplayed(), "folded when long");
            driver.findElement(By.cssSelector("#sources-fold summary")).click();
            wait.until(ExpectedConditions.visibilityOf(passage));
            assertEquals(LONG.strip(), passage.getText().strip());

            Browser.keys(driver, "u"); // the draft judged before comes back with its passages
            Browser.waitFor(wait, "ticket-text", "no tracking mail");
            Browser.waitFor(wait, "sources-list", "the number starts with FH");
        });
    }

    /** A library reply against a draft, as DraftReviewItems makes them, with the passages the draft drew on. */
    private long draftItem(String ticket, List<ReviewView.Passage> sources) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reply library = Reply.listActive().get(0);
            ReviewItem item = new ReviewItem();
            item.ticketText = "Where is my parcel, " + ticket + " " + reviewer;
            item.ticketHash = UUID.randomUUID().toString();
            item.source = "request";
            item.sourceId = UUID.randomUUID().toString();
            item.predictedIntent = library.intent.name;
            item.reply1Id = library.id;
            item.reply1Text = library.text;
            item.reply2Kind = ReviewItem.DRAFT;
            item.reply2Text = "Your parcel is on its way; the tracking number starts with FH.";
            item.strategy = "drafts";
            item.requiredJudgements = 1;
            item.sources = sources;
            item.persist();
            return item.id;
        });
    }
}
