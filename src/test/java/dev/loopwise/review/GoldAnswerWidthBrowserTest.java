package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** On Review quality, the replies an admin reads to fix a gold answer get more width than the list of answers. */
@QuarkusTest
class GoldAnswerWidthBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    EntityManager em;

    @Test
    void theRepliesAreWiderThanTheGoldAnswerChoice() throws Exception {
        long item = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
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
}
