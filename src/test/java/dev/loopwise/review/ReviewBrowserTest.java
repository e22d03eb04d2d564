package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.User;
import dev.loopwise.security.UserService;
import dev.loopwise.ticket.Reply;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reviewer in real headless Chromium: logs in, judges three items by keyboard, rewrites one, logs out. */
@QuarkusTest
class ReviewBrowserTest {
    static final String XSS = "<script>window.__pwned = true</script><b>URGENT</b> my order FH-777777 never came";

    @TestHTTPResource("/")
    URL base;
    @Inject
    UserService users;
    @Inject
    EntityManager em;

    WebDriver driver;
    String reviewer;

    @BeforeEach
    void setUp() throws Exception {
        ActiveModel.await();
        reviewer = "browser" + UUID.randomUUID().toString().substring(0, 6);
        users.create(reviewer, "browser-password", "reviewer", null);
        QuarkusTransaction.requiringNew().run(() -> {
            // This reviewer's queue, in a known order: the HTML ticket first, then ordinary ones.
            em.createNativeQuery("update review_items set status = 'complete' where status = 'open'").executeUpdate();
            List<Reply> replies = Reply.listActive();
            String[] tickets = {XSS, "How do I clean the cast iron pan " + reviewer, "Please cancel order FH-123123 " + reviewer,
                    "Where is my refund " + reviewer, "Can I change the address on my order " + reviewer};
            for (int i = 0; i < tickets.length; i++) {
                ReviewItem item = new ReviewItem();
                item.ticketText = i == 0 ? tickets[i] + " " + reviewer : tickets[i];
                item.ticketHash = UUID.randomUUID().toString();
                item.source = "traffic";
                item.predictedIntent = replies.get(2 * i).intent.name;
                item.reply1Id = replies.get(2 * i).id;
                item.reply2Id = replies.get(2 * i + 1).id;
                item.reply1Text = replies.get(2 * i).text;
                item.reply2Text = replies.get(2 * i + 1).text;
                item.strategy = "top2";
                item.requiredJudgements = 1;
                item.persist();
            }
        });
        driver = Browser.start();
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aReviewerJudgesByKeyboardRewritesOneAndSeesTheCountersMove() {
        try {
            run();
        } catch (Throwable failure) {
            Browser.screenshot(driver, "review-browser-failure");
            throw failure;
        }
    }

    private void run() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get(base + "login");
        driver.findElement(By.name("j_username")).sendKeys(reviewer);
        driver.findElement(By.name("j_password")).sendKeys("browser-password", Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/review"));
        assertEquals("0", driver.findElement(By.id("home-today")).getText());

        new Actions(driver).sendKeys(Keys.ENTER).perform(); // the Start button has the focus
        wait.until(ExpectedConditions.urlContains("/review/judge"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-text"), "URGENT"));

        // Plain text everywhere: the HTML in the ticket is shown, not run.
        String shown = driver.findElement(By.id("ticket-text")).getText();
        assertTrue(shown.startsWith("<script>window.__pwned = true</script><b>URGENT</b>"), shown);
        assertTrue(driver.findElements(By.cssSelector("#ticket-text b, #ticket-text script")).isEmpty());
        assertNull(((JavascriptExecutor) driver).executeScript("return window.__pwned"));

        Browser.screenshot(driver, "review-judge-page");
        keys("4");      // four stars for A
        keys("a");      // A is better
        waitForTicket(wait, "cast iron");
        waitForText(wait, "today", "1");

        keys("r");      // open the rewrite box and write a better reply
        driver.switchTo().activeElement().sendKeys("Hi! Warm water and a soft brush, then dry it and oil it lightly. — Fernhill & Co. support");
        keys(Keys.ESCAPE.toString());
        keys("b");
        waitForTicket(wait, "cancel order");
        waitForText(wait, "today", "2");

        keys("t");      // a tie
        waitForTicket(wait, "refund");
        waitForText(wait, "today", "3");
        assertEquals("3", driver.findElement(By.id("total")).getText());

        long reviewerId = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(reviewer).orElseThrow().id);
        List<Judgement> judgements = QuarkusTransaction.requiringNew().call(() -> Judgement.<Judgement>list("reviewerId", reviewerId));
        assertEquals(3, judgements.size());
        assertEquals(1, judgements.stream().filter(j -> j.rewrite != null).count());
        assertTrue(judgements.stream().anyMatch(j -> "A".equals(j.shownAs)
                && Short.valueOf((short) 4).equals(j.swapped ? j.rating2 : j.rating1)), "four stars for the reply shown as A");
        assertTrue(judgements.stream().allMatch(j -> j.durationMs != null));
        assertTrue(judgements.stream().anyMatch(j -> j.choice.equals("tie")));
        long pending = QuarkusTransaction.requiringNew().call(() -> Reply.count("createdBy = ?1 and status = ?2", reviewer, Reply.PENDING));
        assertEquals(1, pending, "the rewrite waits for an admin as a pending library reply");

        driver.findElement(By.cssSelector("form.logout button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.get(base + "review");
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private void keys(String keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    private static void waitForTicket(WebDriverWait wait, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-text"), text));
    }

    private static void waitForText(WebDriverWait wait, String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }
}
