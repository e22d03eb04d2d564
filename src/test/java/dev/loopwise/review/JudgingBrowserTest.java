package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.security.user.User;
import dev.loopwise.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A new reviewer on the judging page in real headless Chromium, with a queue of known items (one ticket out of scope),
 * and the reads of the page and of what the reviewer stored that such tests share.
 */
abstract class JudgingBrowserTest extends ReviewerBrowserTest {
    WebDriverWait wait;
    String reviewer;
    String outOfScope;
    List<Long> items;

    @BeforeEach
    void setUp() throws Exception {
        ActiveModel.await();
        reviewer = newReviewer("browser");
        outOfScope = "What rhymes with orange? asks " + reviewer;
        items = ReviewItems.judgingQueue(em, reviewer, outOfScope);
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterEach
    void tearDown() {
        // The out-of-scope example this test made is not part of the demo store the other tests train on.
        QuarkusTransaction.requiringNew().run(() -> Ticket.delete("text", outOfScope));
    }

    void signIn() {
        signIn(base, reviewer, "browser-password");
        wait.until(ExpectedConditions.urlContains("/review"));
    }

    List<Judgement> judgements() {
        long reviewerId = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(reviewer).orElseThrow().id);
        return QuarkusTransaction.requiringNew().call(() -> Judgement.<Judgement>list("reviewerId = ?1 order by id", reviewerId));
    }

    /** The label of the ticket made from the served request, null when there is no such ticket. */
    String outOfScopeLabel() {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find("from Ticket t join fetch t.intent where t.text = ?1", outOfScope)
                .firstResultOptional().map(t -> t.intent.name).orElse(null));
    }

    String text(String id) {
        return Browser.text(driver, id);
    }

    /** Counters agree with the screen: an item is on it, so at least that one waits. */
    void waitingAtLeastOne() {
        assertTrue(Integer.parseInt(text("waiting").replace(",", "")) >= 1, "waiting " + text("waiting") + " while an item is on screen");
    }

    void waitForTicket(String text) {
        Browser.waitFor(wait, "ticket-text", text);
    }

    void waitFor(String id, String text) {
        Browser.waitFor(wait, id, text);
    }

    void waitForMessage(String message) {
        Browser.waitFor(wait, "message", message);
    }
}
