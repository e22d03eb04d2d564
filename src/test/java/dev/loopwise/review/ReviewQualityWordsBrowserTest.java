package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Review quality page as a support lead reads it in Chromium: plain words outside the folds (the ML terms inside one,
 * explained), a reviewer's counts that say what each counts, and the items reviewers skipped listed with their reasons
 * and a way to settle one.
 */
@QuarkusTest
class ReviewQualityWordsBrowserTest extends BrowserTest {
    private static final String KNOWLEDGE = "Needs knowledge I don't have";

    @TestHTTPResource("/")
    URL base;
    @Inject
    ReviewService review;
    @Inject
    UserService users;
    @Inject
    EntityManager em;

    @Test
    void countsSayWhatTheyCountAndSkippedItemsCanBeSeenAndSettled() throws Exception {
        ActiveModel.await();
        String run = UUID.randomUUID().toString().substring(0, 6);
        User x = ScratchAccounts.user(users.create("words" + run + "x", "long-enough-pw", "reviewer", null));
        User y = ScratchAccounts.user(users.create("words" + run + "y", "long-enough-pw", "reviewer", null));
        User z = ScratchAccounts.user(users.create("words" + run + "z", "long-enough-pw", "reviewer", null));
        // Skipped by all three (the default sets an item aside after 3 skips): twice for lack of knowledge, once in own words.
        long skipped = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        answer(x, skipped, new Submission("skip", null, null, KNOWLEDGE, 4000));
        answer(y, skipped, new Submission("skip", null, null, "Customer wrote in Welsh", 4000));
        answer(z, skipped, new Submission("skip", null, null, KNOWLEDGE, 4000));
        assertEquals(ReviewItem.SKIPPED, QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(skipped).status));
        // x and y both answer two overlap items; x alone answers one more item, with stars (not counted again).
        for (long item : ReviewItems.fresh(em, 2, 2, ReviewItem.OVERLAP)) {
            answer(x, item, new Submission("A", null, null, null, 4000));
            answer(y, item, new Submission("tie", null, null, null, 4000));
        }
        long alone = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        answer(x, alone, new Submission("B", Map.of("A", 2, "B", 4), null, null, 4000));
        String skippedTicket = QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(skipped).ticketText);

        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Browser.run(driver, "review-quality-words-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/review");
            String visible = driver.findElement(By.tagName("main")).getText();
            for (String term : List.of("reward model", "held-out", "held out", "Beta", "posterior")) {
                assertFalse(visible.contains(term), "'" + term + "' is folded away: " + visible);
            }
            WebElement fold = driver.findElement(By.id("reviewer-terms"));
            fold.findElement(By.tagName("summary")).click();
            assertTrue(fold.getText().contains("A round trains a reward model — the part of Loopwise that learns to score replies"
                    + " the way reviewers judge them"), fold.getText());

            // x: 2 overlap items and 1 more answered = 3 judgements, 1 skip; 2 of them shared with y; no gold item.
            List<String> row = cells(x.username);
            assertEquals("3", row.get(1), row.toString());
            assertEquals("1", row.get(2), row.toString());
            assertTrue(row.get(4).endsWith("(2 shared)"), row.toString());
            assertTrue(row.get(5).endsWith("(0 gold)"), row.toString());
            assertEquals(List.of("2", "1"), cells(y.username).subList(1, 3));
            assertEquals(List.of("0", "1"), cells(z.username).subList(1, 3));
            String counts = Browser.text(driver, "reviewer-counts-help");
            assertTrue(counts.startsWith("Judgements counts every item a reviewer answered") && counts.contains("skips counted apart")
                    && counts.contains("another reviewer answered too (shared)") && counts.contains("smaller than Judgements"), counts);

            driver.findElement(By.linkText("See them and why they were skipped.")).click();
            wait.until(ExpectedConditions.urlContains("#set-aside-items"));
            WebElement aside = driver.findElement(By.id("set-aside-items"));
            assertTrue(aside.getText().contains("with why reviewers skipped them"), aside.getText());
            WebElement ours = aside.findElements(By.cssSelector("tbody tr")).stream()
                    .filter(tr -> tr.findElement(By.cssSelector("td")).getText().equals(String.valueOf(skipped))).findFirst().orElseThrow();
            String reasons = ours.findElement(By.cssSelector("td[data-label='Why reviewers skipped it']")).getText();
            assertEquals(KNOWLEDGE + " (2 reviewers)\nCustomer wrote in Welsh (1 reviewer)", reasons);
            assertTrue(ours.getText().contains(skippedTicket.substring(0, 20)), ours.getText());

            // The next step: fix its right answer, which makes it a gold item that goes back to reviewers.
            new Select(ours.findElement(By.name("answer"))).selectByValue("both_bad");
            newPageAfter(() -> {
                ours.findElement(By.cssSelector("button")).click();
                wait.until(ExpectedConditions.alertIsPresent()).accept();
            });
            wait.until(ExpectedConditions.urlContains("gold=" + skipped));
            ReviewItem settled = QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(skipped));
            assertEquals(List.of(ReviewItem.GOLD, ReviewItem.OPEN, "both_bad"), List.of(settled.kind, settled.status, settled.goldChoice));
            assertTrue(driver.findElements(By.cssSelector("#set-aside-items tbody tr")).stream()
                    .noneMatch(tr -> tr.getText().startsWith(skipped + " ")), "a settled item leaves the list");
        });
    }

    /** The list reads the newest set-aside items off their index and stops after those it shows: no sort of all of them. */
    @Test
    @SuppressWarnings("unchecked")
    void theSetAsideListReadsOnlyTheItemsItShows() {
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> {
            // On a test database's few rows any plan is cheap: rule out the others to see that the index can serve this one.
            em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            em.createNativeQuery("set local enable_bitmapscan = off").executeUpdate();
            em.createNativeQuery("set local enable_sort = off").executeUpdate();
            return (List<String>) em.createNativeQuery("explain " + SetAsideItems.NEWEST.replace("?1", "30").replace("?2", "10"))
                    .getResultList();
        });
        assertTrue(plan.get(0).startsWith("Limit") && plan.get(1).contains("Index Scan Backward using review_items_set_aside_idx"),
                String.join("\n", plan));
    }

    private void answer(User reviewer, long item, Submission submission) {
        assertEquals(item, review.next(reviewer.id).orElseThrow().itemId());
        review.submit(reviewer.id, reviewer.username, item, submission);
    }

    /** The texts of a reviewer's row in the Reviewers table. */
    private List<String> cells(String username) {
        return driver.findElements(By.cssSelector("#reviewers tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .filter(tds -> tds.get(0).equals(username)).findFirst().orElseThrow();
    }
}
