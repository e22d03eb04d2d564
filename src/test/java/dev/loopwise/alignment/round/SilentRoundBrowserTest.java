package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A round's open page follows its instance going silent and coming back: the bar gives way to since when it was last
 * heard from, and comes back with its heartbeat, without a reload. The heartbeat is written by hand into the row.
 */
@QuarkusTest
class SilentRoundBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void theOpenPageSaysWhenTheRoundWentSilentAndWhenItCameBack() throws Exception {
        int active = ActiveModel.await();
        for (int i = 0; i < 600 && QuarkusTransaction.requiringNew().call(() -> AlignmentRound.count("status in ?1",
                List.of(AlignmentRound.RUNNING, AlignmentRound.QUEUED))) > 0; i++) {
            Thread.sleep(500);
        }
        long round = RoundRows.queued(RoundSettings.REWARD_WEIGHTED, null);
        RoundRows.run(round, active);
        driver = Browser.start();
        try {
            Browser.run(driver, "silent-round-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/rounds/" + round);
                WebElement silent = driver.findElement(By.id("round-silent"));
                WebElement bar = driver.findElement(By.id("round-progress"));
                assertFalse(silent.isDisplayed(), "a round that beats says nothing of silence");
                assertTrue(bar.isDisplayed());

                heard(round, OffsetDateTime.now().minusSeconds(45));
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
                wait.until(d -> silent.isDisplayed() && silent.getText().startsWith("No word from the instance running it since"));
                assertFalse(bar.isDisplayed(), "the bar that would sit still is hidden");

                heard(round, OffsetDateTime.now());
                wait.until(d -> !silent.isDisplayed() && bar.isDisplayed());
            });
        } finally {
            RoundRows.remove(round);
        }
    }

    private static void heard(long round, OffsetDateTime at) {
        QuarkusTransaction.requiringNew().run(() -> AlignmentRound.<AlignmentRound>findById(round).heartbeatAt = at);
    }
}
