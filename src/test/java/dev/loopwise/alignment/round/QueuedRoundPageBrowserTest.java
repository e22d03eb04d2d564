package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A round page opened while the round waits its turn stops saying so once the round runs: its header and outcome are
 * written again, not left at "queued" beside a moving progress bar.
 */
@QuarkusTest
class QueuedRoundPageBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aPageOpenedWhileQueuedSaysTheRoundRunsOnceItDoes() throws Exception {
        int active = ActiveModel.await();
        // A row without its job: nothing but this test moves it, from queued to running.
        long round = RoundRows.queued(RoundSettings.REWARD_WEIGHTED, null);
        driver = Browser.start();
        try {
            Browser.run(driver, "queued-round-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/rounds/" + round);
                assertTrue(driver.findElement(By.id("round-outcome")).getText().contains("queued"), "it waits its turn at first");
                // Before its checks have run, their table says so across its width: in the first column alone, a phone
                // showed it as a narrow column of single words.
                driver.manage().window().setSize(new Dimension(390, 844));
                WebElement notYet = driver.findElement(By.cssSelector("#gates td"));
                assertTrue(notYet.getText().startsWith("Not checked yet: the checks run once the round has made its new version"),
                        notYet.getText());
                assertEquals(driver.findElement(By.id("gates")).getSize().getWidth(), notYet.getSize().getWidth(), 1,
                        "the row spans the table");

                RoundRows.run(round, active);
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
                    try {
                        return d.findElement(By.cssSelector("#round p.muted")).getText().contains("improving v" + active);
                    } catch (WebDriverException reloading) {
                        return false;
                    }
                });
                String header = driver.findElement(By.cssSelector("#round p.muted")).getText();
                assertFalse(header.contains("waiting its turn"), header);
                String outcome = driver.findElement(By.id("round-outcome")).getText();
                assertTrue(outcome.contains("The round is running") && !outcome.contains("queued"), outcome);
            });
        } finally {
            RoundRows.remove(round);
        }
    }
}
