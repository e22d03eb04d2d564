package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A round that ends while its page is open says its report is loading, and offers no Cancel meanwhile nor after: there
 * is nothing left to cancel. Nor does it show a progress bar once it has ended: its outcome says how it ended.
 */
@QuarkusTest
class EndedRoundNoCancelBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aRoundThatEndsWhileWatchedNeverOffersCancelAgain() throws Exception {
        int active = ActiveModel.await();
        // A row without its job: nothing but this test moves it, from running to its end.
        long round = RoundRows.queued(RoundSettings.REWARD_WEIGHTED, null);
        RoundRows.run(round, active);
        driver = Browser.start();
        try {
            Browser.run(driver, "ended-round-cancel-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/rounds/" + round);
                assertTrue(driver.findElement(By.id("round-cancel")).isDisplayed(), "a running round can be cancelled");
                // The loading text lasts only until the page reloads: what the page showed then is kept across the reload.
                ((JavascriptExecutor) driver).executeScript("""
                        new MutationObserver(() => {
                          const outcome = document.getElementById('round-outcome').textContent;
                          const cancel = document.getElementById('round-cancel');
                          if (outcome.includes('report is loading')) {
                            sessionStorage.setItem('cancelWhileLoading', String(!!cancel && cancel.getClientRects().length > 0));
                            const bar = document.getElementById('round-progress');
                            sessionStorage.setItem('barWhileLoading', String(!!bar && bar.getClientRects().length > 0));
                          }
                        }).observe(document.getElementById('round-outcome'), { childList: true, characterData: true, subtree: true });""");

                QuarkusTransaction.requiringNew().run(() -> {
                    AlignmentRound r = AlignmentRound.findById(round);
                    r.status = AlignmentRound.REJECTED;
                    r.progress = 1.0;
                    r.step = "Done";
                    r.finishedAt = OffsetDateTime.now();
                });
                String shown = new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
                    try {
                        return (String) ((JavascriptExecutor) d).executeScript("return sessionStorage.getItem('cancelWhileLoading');");
                    } catch (WebDriverException reloading) {
                        return null;
                    }
                });
                assertEquals("false", shown, "no Cancel while the ended round's report loads");
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
                    try {
                        return d.findElement(By.id("round-outcome")).getText().contains("not promoted");
                    } catch (WebDriverException reloading) {
                        return false;
                    }
                });
                assertTrue(driver.findElements(By.id("round-cancel")).isEmpty(), "nor once the report has loaded");
                // Once it has ended, its outcome is what the page shows: no full "Done" bar beside it.
                assertEquals("false", ((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('barWhileLoading');"),
                        "no progress bar while the ended round's report loads");
                assertTrue(driver.findElements(By.id("round-progress")).isEmpty() && driver.findElements(By.id("round-step")).isEmpty(),
                        "nor once the report has loaded");
            });
        } finally {
            RoundRows.remove(round);
        }
    }
}
