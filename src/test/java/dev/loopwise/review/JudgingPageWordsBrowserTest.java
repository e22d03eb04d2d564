package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.security.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the judging page tells a reviewer in words: what "out of scope" does, in the page's text rather than a hover title,
 * and, with the page open in two tabs, that a choice refused because the other tab answered first was not saved — with no
 * undo countdown for it — before the next ticket.
 */
@QuarkusTest
class JudgingPageWordsBrowserTest extends ReviewerBrowserTest {

    WebDriverWait wait;
    String reviewer;

    @BeforeEach
    void setUp() throws Exception {
        ActiveModel.await();
        reviewer = newReviewer("tabs");
        freshItems(3);
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @Test
    void outOfScopeIsExplainedInThePageTextNotInAHoverTitle() {
        Browser.run(driver, "judging-words-failure", () -> {
            signIn();
            driver.get(base + "review/judge");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
            WebElement button = driver.findElement(By.cssSelector("[data-choice=out_of_scope]"));
            WebElement note = driver.findElement(By.id("out-of-scope-note"));
            assertTrue(note.isDisplayed(), "the explanation is on screen");
            assertEquals("None fits: out of scope — " + ReviewMessages.REVIEW_OUT_OF_SCOPE_NOTE_AFTER_BUTTON, note.getText());
            assertEquals("out-of-scope-note", button.getAttribute("aria-describedby"), "a screen reader reads it with the button");
            assertTrue(button.getAccessibleName().startsWith("None fits: out of scope"), button.getAccessibleName());
            assertTrue(button.getAttribute("title") == null || button.getAttribute("title").isEmpty(),
                    "no meaning left only in a tooltip: " + button.getAttribute("title"));
            // With single-key shortcuts off (speech input), the explanation stays: it is not a key hint.
            driver.findElement(By.id("shortcuts")).click();
            assertTrue(note.isDisplayed());
        });
    }

    /** On a phone the button reads "Out of scope": the note under it names it so, not by the wide screen's longer name. */
    @Test
    void onAPhoneTheNoteNamesTheOutOfScopeButtonAsItReads() {
        Browser.run(driver, "judging-words-phone-failure", () -> {
            driver.manage().window().setSize(new Dimension(390, 844));
            signIn();
            driver.get(base + "review/judge");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
            String button = driver.findElement(By.cssSelector("[data-choice=out_of_scope]")).getText();
            assertTrue(button.startsWith("Out of scope"), button);
            assertEquals("Out of scope — " + ReviewMessages.REVIEW_OUT_OF_SCOPE_NOTE_AFTER_BUTTON,
                    driver.findElement(By.id("out-of-scope-note")).getText());
        });
    }

    @Test
    void aChoiceRefusedBecauseTheOtherTabAnsweredFirstShowsThatAndNoUndoCountdown() {
        Browser.run(driver, "judging-two-tabs-failure", () -> {
            signIn();
            driver.get(base + "review/judge");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
            String ticket = Browser.text(driver, "ticket-text");
            String first = driver.getWindowHandle();

            driver.switchTo().newWindow(WindowType.TAB);           // the same page in a second tab: the same item
            driver.get(base + "review/judge");
            Browser.waitFor(wait, "ticket-text", ticket);
            Browser.keys(driver, "a");
            Browser.waitFor(wait, "message", ReviewMessages.REVIEW_SAVED);
            Browser.waitFor(wait, "today", "1");
            assertTrue(driver.findElement(By.id("undo-hint")).isDisplayed(), "the second tab, which answered, can undo");

            driver.switchTo().window(first);                       // the first tab still shows that ticket
            assertEquals(ticket, Browser.text(driver, "ticket-text"));
            Browser.keys(driver, "b");
            Browser.waitFor(wait, "message", ReviewMessages.REVIEW_JUDGED_ELSEWHERE);
            wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("ticket-text"), ticket)));
            assertEquals("alert notice", driver.findElement(By.id("message")).getAttribute("class"));
            Browser.waitFor(wait, "today", "1");
            assertFalse(driver.findElement(By.id("undo-hint")).isDisplayed(), "no countdown for a choice that was not saved");
            Browser.keys(driver, "u");
            Browser.waitFor(wait, "message", ReviewMessages.REVIEW_NOTHING_TO_UNDO);
            assertFalse(driver.findElement(By.id("undo-hint")).isDisplayed());
            Browser.screenshot(driver, "judging-two-tabs");

            List<Judgement> stored = QuarkusTransaction.requiringNew().call(() -> Judgement.<Judgement>list("reviewerId = ?1",
                    User.findByUsername(reviewer).orElseThrow().id));
            assertEquals(1, stored.size());
            assertEquals("A", stored.get(0).shownAs, "the first tab's answer stands");
            assertNull(stored.get(0).skipReason);
        });
    }

    private void signIn() {
        signIn(base, reviewer, "browser-password");
        wait.until(ExpectedConditions.urlContains("/review"));
    }
}
