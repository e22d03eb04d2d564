package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.AlignmentConfig;
import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Starting a round with the settings of one already waiting opens that round, and its page says so: landing there in
 * silence reads as if the click had started it.
 */
@QuarkusTest
class RoundAlreadyUnderWayBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    AlignmentConfig config;
    @Inject
    ReviewService review;
    @Inject
    UserService users;

    @Test
    void theRoundPageSaysTheRoundWasAlreadyWaitingWithTheseSettings() throws Exception {
        ActiveModel.await();
        Judgements.judgeShorterIsBetter(review, users, RoundService.MIN_COMPARISONS + 2);
        // A row without its job, with the settings the form starts with: nothing but this test moves it.
        RoundSettings settings = RoundRequests.settings(config, RoundForm.defaults(config).request());
        long waiting = RoundRows.queued(settings.method(), RoundRequests.describe(settings));
        driver = Browser.start();
        try {
            Browser.run(driver, "round-already-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/rounds");
                clickAndWaitForNewPage(driver.findElement(By.cssSelector("#start-round button[type=submit]")));
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/admin/rounds/" + waiting));
                String said = driver.findElement(By.id("round-already")).getText();
                assertTrue(said.contains("Round " + waiting + " was already waiting its turn with these settings")
                        && said.contains("no new round was started"), said);
            });
        } finally {
            RoundRows.remove(waiting);
        }
    }
}
