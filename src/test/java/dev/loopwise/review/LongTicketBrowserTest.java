package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A ticket and replies of a couple of thousand words, with an address longer than the screen, on a phone: the first
 * reply starts on the first screen instead of ten screens down under the whole ticket, nothing scrolls sideways, and the
 * ticket scrolls in its own box, which Tab reaches so the keyboard can read all of it.
 */
@QuarkusTest
class LongTicketBrowserTest extends ReviewerBrowserTest {

    @Test
    void theRepliesStartOnTheFirstScreenUnderAVeryLongTicket() throws Exception {
        ActiveModel.await();
        String reviewer = newReviewer("longticket");
        long item = freshItems(1).get(0);
        String address = "https://tracking.example.com/" + "x".repeat(400);
        String ticket = "My parcel never arrived and I am upset. ".repeat(300) + address + " مرحبا، أريد إرجاع الطلب 😀";
        String reply = "We are sorry for the wait. ".repeat(400) + address;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update review_items set ticket_text = ?2, reply1_text = ?3, reply2_text = ?3 || ' Thanks.' where id = ?1")
                .setParameter(1, item).setParameter(2, ticket).setParameter(3, reply).executeUpdate());
        driver = Browser.start();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Browser.run(driver, "long-ticket-failure", () -> {
            driver.manage().window().setSize(new Dimension(390, 844));
            signIn(base, reviewer, "browser-password");
            driver.get(base + "review/judge");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-text"), "tracking.example.com"));
            List<?> where = (List<?>) js.executeScript("""
                    const top = (id) => document.getElementById(id).getBoundingClientRect().top + window.scrollY;
                    return [top('text-A'), window.innerHeight, document.documentElement.scrollWidth, window.innerWidth];""");
            double replyTop = ((Number) where.get(0)).doubleValue();
            double screen = ((Number) where.get(1)).doubleValue();
            assertTrue(replyTop < screen * 0.8, "reply A starts " + replyTop + " px down on a screen " + screen + " px high");
            assertTrue(((Number) where.get(2)).intValue() <= ((Number) where.get(3)).intValue(), "the page scrolls sideways: " + where);
            assertEquals(ticket, js.executeScript("return document.getElementById('ticket-text').textContent;"), "the whole ticket is there");
            for (String box : List.of("ticket-text", "text-A", "text-B")) {
                assertEquals("0", driver.findElement(By.id(box)).getAttribute("tabindex"), box + " scrolls, so Tab reaches it");
            }
            js.executeScript("document.getElementById('ticket-text').focus();");
            driver.findElement(By.id("ticket-text")).sendKeys(Keys.END);
            wait.until(d -> ((Number) js.executeScript("return document.getElementById('ticket-text').scrollTop;")).doubleValue() > 0);
        });
    }
}
