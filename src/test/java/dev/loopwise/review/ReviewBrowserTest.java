package dev.loopwise.review;

import dev.loopwise.common.ReviewMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.ModelTrainer;
import dev.loopwise.security.User;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reviewer in real headless Chromium, by keyboard: judges, undoes (the same item comes back), rewrites,
 * reads slots as blanks, skips with a chosen reason, answers "out of scope", and is told when undo is too late.
 */
@QuarkusTest
class ReviewBrowserTest extends ReviewerBrowserTest {

    WebDriverWait wait;
    String reviewer;
    String outOfScope;
    List<Long> items;

    @BeforeEach
    void setUp() throws Exception {
        ActiveModel.await();
        reviewer = "browser" + UUID.randomUUID().toString().substring(0, 6);
        outOfScope = "What rhymes with orange? asks " + reviewer;
        users.create(reviewer, "browser-password", "reviewer", null);
        items = ReviewItems.judgingQueue(em, reviewer, outOfScope);
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterEach
    void tearDown() {
        // The out-of-scope example this test made is not part of the demo store the other tests train on.
        QuarkusTransaction.requiringNew().run(() -> Ticket.delete("text", outOfScope));
    }

    @Test
    void aReviewerJudgesUndoesAndRewritesByKeyboardAndSeesTheCountersMove() {
        Browser.run(driver, "review-browser-failure", () -> {
            signIn();
            assertEquals("0", text("home-today"));
            // In the page's text, not in a hover title that keyboard and touch users cannot reach.
            String home = driver.findElement(By.tagName("body")).getText();
            assertTrue(home.contains(ReviewMessages.REVIEW_WAITING_NOTE) && home.contains(ReviewMessages.REVIEW_AGREEMENT_NOTE), home);
            Browser.keys(driver, Keys.ENTER); // the Start button has the focus
            wait.until(ExpectedConditions.urlContains("/review/judge"));
            waitForTicket("URGENT");
            waitingAtLeastOne();
            String judging = driver.findElement(By.tagName("body")).getText();
            assertTrue(judging.contains(ReviewMessages.REVIEW_WAITING_NOTE), judging);
            String keysLine = driver.findElement(By.cssSelector(".keys")).getText();
            assertTrue(keysLine.contains("for 30 seconds") && !keysLine.contains("few"), keysLine);

            // Plain text everywhere: the HTML in the ticket is shown, not run.
            assertTrue(text("ticket-text").startsWith("<script>window.__pwned = true</script><b>URGENT</b>"), text("ticket-text"));
            assertTrue(driver.findElements(By.cssSelector("#ticket-text b, #ticket-text script")).isEmpty());
            assertNull(((JavascriptExecutor) driver).executeScript("return window.__pwned"));
            Browser.keys(driver, "u");
            waitForMessage(ReviewMessages.REVIEW_NOTHING_TO_UNDO);

            Browser.screenshot(driver, "review-judge-page");
            String shownA = text("text-A");
            Browser.keys(driver, "4");      // four stars for A
            Browser.keys(driver, "a");      // A is better
            waitForTicket("cast iron");
            waitFor("today", "1");
            waitForMessage(ReviewMessages.REVIEW_SAVED);
            String countdown = text("undo-hint");
            assertTrue(countdown.matches("U: undo · (2[5-9]|30) s"), countdown);
            Browser.screenshot(driver, "review-undo-countdown");

            Browser.keys(driver, "u");      // the item just judged comes back at once, in its A/B order
            waitForTicket("URGENT");
            waitForMessage(ReviewMessages.REVIEW_UNDONE);
            waitFor("today", "0");
            assertEquals(shownA, text("text-A"));
            assertEquals("4", driver.findElement(By.id("stars-A")).getAttribute("aria-valuenow"), "the stars given come back too");
            assertFalse(driver.findElement(By.id("undo-hint")).isDisplayed());
            // A reviewer typing on, or clicking twice: T pressed or Tie clicked the instant the next ticket appears is not an
            // answer to a ticket nobody has read (the page does both as the text changes, so the moment is exact however
            // slow the machine).
            ((JavascriptExecutor) driver).executeScript("new MutationObserver((changes, observer) => { observer.disconnect();"
                    + " document.dispatchEvent(new KeyboardEvent('keydown', {key: 't', code: 'KeyT', bubbles: true}));"
                    + " document.querySelector('[data-choice=tie]').click(); })"
                    + ".observe(document.getElementById('ticket-text'), {childList: true, characterData: true, subtree: true});");
            Browser.keys(driver, "a");
            waitForTicket("cast iron");     // then the item that was on screen
            waitForMessage(ReviewMessages.REVIEW_JUST_APPEARED);
            waitFor("today", "1");

            Browser.keys(driver, "r");      // open the rewrite box and write a better reply
            driver.switchTo().activeElement().sendKeys("Hi! Warm water and a soft brush, then dry it and oil it lightly. — Fernhill & Co. support");
            Browser.keys(driver, Keys.ESCAPE);
            Browser.keys(driver, "b");
            waitForTicket("cancel order");
            waitFor("today", "2");
            waitForMessage(ReviewMessages.REVIEW_SAVED_WITH_REWRITE);
            waitingAtLeastOne();

            // Slots read as highlighted blanks, built as nodes: no raw braces, and markup in a reply stays text.
            List<String> blanks = driver.findElements(By.cssSelector("#item .candidate .slot")).stream().map(e -> e.getText()).toList();
            assertEquals(Set.of("order number", "refund amount", "customer name"), Set.copyOf(blanks));
            assertFalse(text("text-A").contains("{{") || text("text-B").contains("{{"));
            assertTrue(text("text-A").contains("<i>") || text("text-B").contains("<i>"));
            assertTrue(driver.findElements(By.cssSelector("#item .candidate i")).isEmpty());
            assertTrue(driver.findElement(By.id("slots-note")).isDisplayed());
            Browser.screenshot(driver, "review-slot-blanks");
            driver.findElement(By.id("stars-B")).sendKeys(Keys.END, Keys.ARROW_LEFT); // stars by Tab and arrows: 4 for B
            assertEquals("4 of 5 stars", driver.findElement(By.id("stars-B")).getAttribute("aria-valuetext"));
            Browser.keys(driver, "t");      // a tie
            waitForTicket("rhymes with orange");
            waitFor("today", "3");
            assertEquals("3", text("total"));

            List<Judgement> judgements = judgements();
            assertEquals(3, judgements.size());
            assertEquals(1, judgements.stream().filter(j -> j.rewrite != null).count());
            assertTrue(judgements.stream().anyMatch(j -> "A".equals(j.shownAs)
                    && Short.valueOf((short) 4).equals(j.swapped ? j.rating2 : j.rating1)), "four stars for the reply shown as A");
            assertTrue(judgements.stream().allMatch(j -> j.durationMs != null));
            assertTrue(judgements.stream().anyMatch(j -> j.choice.equals("tie")
                    && Short.valueOf((short) 4).equals(j.swapped ? j.rating1 : j.rating2)), "a tie, four stars for the reply shown as B");
            long pending = QuarkusTransaction.requiringNew().call(() -> Reply.count("createdBy = ?1 and status = ?2", reviewer, Reply.PENDING));
            assertEquals(1, pending, "the rewrite waits for an admin as a pending library reply");

            driver.findElement(By.cssSelector("form.logout button")).click();
            wait.until(ExpectedConditions.urlContains("/login"));
            driver.get(base + "review");
            wait.until(ExpectedConditions.urlContains("/login"));
        });
    }

    @Test
    void aReviewerSkipsWithAChosenReasonAnswersOutOfScopeAndIsToldWhenUndoIsTooLate() {
        Browser.run(driver, "review-browser-skip-failure", () -> {
            signIn();
            driver.get(base + "review/judge");
            waitForTicket("URGENT");
            // A rewrite is not lost to a skip: the item stays, with the text, and the message says what to do.
            Browser.keys(driver, "r");
            driver.switchTo().activeElement().sendKeys("A reply I started");
            Browser.keys(driver, Keys.ESCAPE);
            Browser.keys(driver, "s");
            Browser.keys(driver, "2");
            waitForMessage(ReviewMessages.NO_REWRITE_WITH_CHOICE);
            assertTrue(text("ticket-text").contains("URGENT"), text("ticket-text"));
            assertEquals("A reply I started", driver.findElement(By.id("rewrite")).getAttribute("value"));
            driver.findElement(By.id("rewrite")).clear();
            Browser.keys(driver, Keys.ESCAPE);
            Browser.keys(driver, "s");      // the reasons open inline, no window.prompt()
            assertTrue(driver.findElement(By.id("skip-box")).isDisplayed());
            Browser.screenshot(driver, "review-skip-reasons");
            Browser.keys(driver, "2");
            waitForTicket("cast iron");
            waitForMessage(ReviewMessages.REVIEW_SKIPPED);

            Browser.keys(driver, "s");
            Browser.keys(driver, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER); // to "Other…"
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("skip-other")));
            Browser.keys(driver, Keys.ENTER);
            waitForMessage(ReviewMessages.SKIP_REASON_REQUIRED);
            driver.switchTo().activeElement().sendKeys("The same customer wrote twice", Keys.ENTER);
            waitForTicket("cancel order");
            assertEquals(List.of(ReviewMessages.SKIP_REASONS.get(1), "The same customer wrote twice"),
                    judgements().stream().map(j -> j.skipReason).toList());
            assertEquals("0", text("today"), "skips are not judgements");

            Browser.keys(driver, "a");
            waitForTicket("rhymes with orange");
            waitFor("today", "1");
            // That choice was made 45 seconds ago, past the 30-second window: U says so in the message area.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update judgements set created_at = now() - interval '45 seconds' where item_id = ?1").setParameter(1, items.get(2))
                    .executeUpdate());
            Browser.keys(driver, "u");
            waitForMessage("Too late to undo");
            assertTrue(Set.of(ReviewMessages.undoTooLate(30, 45), ReviewMessages.undoTooLate(30, 46)).contains(text("message")), text("message"));
            assertEquals("alert error", driver.findElement(By.id("message")).getAttribute("class"));
            assertTrue(text("ticket-text").contains("rhymes with orange"), "the item on screen stays");
            Browser.screenshot(driver, "review-undo-too-late");

            Browser.keys(driver, "o");      // none fits: out of scope, a label the next training run learns
            waitForTicket("Where is my refund");
            waitForMessage(ReviewMessages.REVIEW_SAVED_OUT_OF_SCOPE);
            waitFor("today", "2");
            assertEquals(ModelTrainer.OUT_OF_SCOPE_LABEL, outOfScopeLabel());
            Browser.keys(driver, "u");      // and an undo takes the label back with the choice
            waitForTicket("rhymes with orange");
            waitFor("today", "1");
            assertNull(outOfScopeLabel());
            Browser.keys(driver, "o");
            waitForTicket("Where is my refund");
            waitingAtLeastOne();
            assertTrue(judgements().stream().anyMatch(j -> j.choice.equals(Judgement.OUT_OF_SCOPE)));
            assertEquals(ModelTrainer.OUT_OF_SCOPE_LABEL, outOfScopeLabel());
        });
    }

    private void signIn() {
        signIn(base, reviewer, "browser-password");
        wait.until(ExpectedConditions.urlContains("/review"));
    }

    private List<Judgement> judgements() {
        long reviewerId = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(reviewer).orElseThrow().id);
        return QuarkusTransaction.requiringNew().call(() -> Judgement.<Judgement>list("reviewerId = ?1 order by id", reviewerId));
    }

    /** The label of the ticket made from the served request, null when there is no such ticket. */
    private String outOfScopeLabel() {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find("from Ticket t join fetch t.intent where t.text = ?1", outOfScope)
                .firstResultOptional().map(t -> t.intent.name).orElse(null));
    }

    private String text(String id) {
        return Browser.text(driver, id);
    }

    /** Counters agree with the screen: an item is on it, so at least that one waits. */
    private void waitingAtLeastOne() {
        assertTrue(Integer.parseInt(text("waiting")) >= 1, "waiting " + text("waiting") + " while an item is on screen");
    }

    private void waitForTicket(String text) {
        Browser.waitFor(wait, "ticket-text", text);
    }

    private void waitFor(String id, String text) {
        Browser.waitFor(wait, id, text);
    }

    private void waitForMessage(String message) {
        Browser.waitFor(wait, "message", message);
    }
}
