package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * What a screen reader says for a page's controls, as Chromium works it out: a round's progress bar says what it
 * measures and its step is read out as it changes, and on Intents each row's fields name their intent, not a bare
 * "name" read out once per row.
 */
@QuarkusTest
class NamedControlsBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void progressBarsAndEachIntentsFieldsHaveNamesOfTheirOwn() throws Exception {
        // A row without its job: nothing moves it, so its page shows the bar of a round waiting its turn.
        long round = RoundRows.queued(RoundSettings.REWARD_WEIGHTED, null);
        driver = Browser.start();
        try {
            Browser.run(driver, "named-controls-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/rounds/" + round);
                List<WebElement> bars = driver.findElements(By.tagName("progress"));
                assertFalse(bars.isEmpty(), "a round that has not ended shows its progress");
                for (WebElement bar : bars) {
                    assertFalse(bar.getAccessibleName().isBlank(), "the progress bar is named: " + bar.getAttribute("outerHTML"));
                }
                // The page writes each new step of the round there as it runs: a screen reader hears it without looking.
                assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript(
                        "return !!document.getElementById('round-step').closest('[role=status], [aria-live=polite]');"),
                        "the round's step is read out as it changes");

                driver.get(base + "admin/intents");
                List<String> names = new ArrayList<>();
                for (WebElement field : driver.findElements(By.cssSelector("#intents input:not([type=hidden]), #intents textarea"))) {
                    names.add(field.getAccessibleName());
                }
                assertFalse(names.isEmpty(), "the demo's intents are listed");
                Set<String> distinct = new HashSet<>(names);
                assertEquals(names.size(), distinct.size(), "each field names its intent: " + names);
            });
        } finally {
            RoundRows.remove(round);
        }
    }
}
