package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.item.ReviewItem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * On Review quality, the replies an admin reads to fix a gold answer get more width than the list of answers, and a gold
 * item's replies show their open slots as named blanks, as reviewers see them, not as braces cut mid-name.
 */
@QuarkusTest
class GoldAnswerWidthBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    EntityManager em;

    @Test
    void theRepliesAreWiderThanTheGoldAnswerChoice() throws Exception {
        long item = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        // Replies of a usual length, whatever the library other tests left: a column's width follows its longest text, and
        // short replies everywhere in the list would need no more room than the choice.
        String usual = "Thanks for writing in. Your refund was approved this morning and goes back to the card you paid with"
                + " within five working days.";
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update review_items set reply1_text = ?2, reply2_text = ?2 where id = ?1")
                .setParameter(1, item).setParameter(2, usual).executeUpdate());
        driver = Browser.start();
        Browser.run(driver, "gold-answer-width-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/review");
            var row = driver.findElement(By.xpath("//table[@id='items']//td[@data-label='#' and text()='" + item + "']/ancestor::tr"));
            int reply = row.findElement(By.cssSelector("td[data-label='Reply 1']")).getSize().getWidth();
            int gold = row.findElement(By.cssSelector("td[data-label='Gold answer']")).getSize().getWidth();
            assertTrue(reply > gold, "a reply's column is " + reply + " px wide, the gold answer's " + gold + " px");
        });
    }

    @Test
    void aGoldItemsRepliesShowTheirSlotsAsBlanks() throws Exception {
        long item = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        // The slot's braces end past the 90 characters the list shows of a reply: shortened as text, it was cut inside them.
        String reply = "Hi there, good news: your parcel left the warehouse today. Follow it here: {{tracking_link}} until it arrives.";
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update review_items set kind = 'gold', gold_choice = '1', reply1_text = ?2 where id = ?1")
                .setParameter(1, item).setParameter(2, reply).executeUpdate());
        try {
            driver = Browser.start();
            Browser.run(driver, "gold-blanks-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/review");
                var cell = driver.findElement(By.xpath("//table[@id='items']//td[@data-label='#' and text()='" + item + "']/ancestor::tr"))
                        .findElement(By.cssSelector("td[data-label='Reply 1']"));
                assertFalse(cell.getText().contains("{") || cell.getText().contains("}"), "a gold item's reply reads " + cell.getText());
                assertEquals("tracking link", cell.findElement(By.cssSelector(".slot")).getText());
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from review_items where id = ?1")
                    .setParameter(1, item).executeUpdate());
        }
    }
}
