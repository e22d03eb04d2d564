package dev.loopwise.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.monitoring.replay.DriftReplay;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In headless Chromium: when a replay followed on the drift page ends having raised alerts, the page goes to them, with
 * the outcome over them, as it does after a short replay sent while the lead waited; one without alerts just reloads.
 */
@QuarkusTest
class ReplayAlertsBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    private Long id;

    @AfterEach
    void dropReplay() {
        if (id != null) {
            QuarkusTransaction.requiringNew().run(() -> DriftReplay.deleteById(id));
        }
    }

    @Test
    void aBackgroundReplayThatRaisedAlertsEndsOnThem() throws Exception {
        id = QuarkusTransaction.requiringNew().call(() -> {
            DriftReplay row = new DriftReplay();
            row.source = "alerts-ahead.csv";
            row.total = 80;
            row.sent = 30;
            row.status = DriftReplay.RUNNING;
            row.startedBy = "admin";
            row.persist();
            return row.id;
        });
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        Browser.run(driver, "replay-alerts", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/drift");
            wait.until(d -> d.findElement(By.cssSelector("#replay-" + id + " .job-said")).getText().contains("30 of 80"));
            // The line's counters are not read out at every poll; a quarter of the way is.
            wait.until(d -> "25% done.".equals(d.findElement(By.cssSelector("#replay-" + id + " .job-announce")).getAttribute("textContent")));
            assertTrue(driver.findElements(By.cssSelector("#replay-" + id + " [role=status] .job-said")).isEmpty(),
                    "the moving line is outside any live region");
            QuarkusTransaction.requiringNew().run(() -> {
                DriftReplay row = DriftReplay.findById(id);
                row.sent = 80;
                row.checks = 3;
                row.alerts = 2;
                row.status = DriftReplay.SUCCEEDED;
                row.finishedAt = OffsetDateTime.now();
            });
            wait.until(d -> d.getCurrentUrl().endsWith("#alerts-card"));
            String message = driver.findElement(By.cssSelector("#alerts-card #drift-message")).getText();
            assertTrue(message.startsWith("Replayed 80 tickets; 3 drift checks, 2 alerts confirmed."), message);
            // At the top of the window, or as near it as the page scrolls: below a short page the card cannot rise further.
            Number top = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.getElementById('alerts-card').getBoundingClientRect().top;");
            Boolean atBottom = (Boolean) ((JavascriptExecutor) driver).executeScript(
                    "return window.scrollY > 0 && window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;");
            assertTrue(Math.abs(top.doubleValue()) < 5 || top.doubleValue() > 0 && atBottom,
                    "the alerts stand at the top of the window, not " + top);
        });
    }

    @Test
    void theProgressOfAReplaySaysWhereItsOutcomeShows() {
        id = QuarkusTransaction.requiringNew().call(() -> {
            DriftReplay row = new DriftReplay();
            row.source = "calm.csv";
            row.total = 60;
            row.sent = 60;
            row.checks = 1;
            row.status = DriftReplay.SUCCEEDED;
            row.startedBy = "admin";
            row.finishedAt = OffsetDateTime.now();
            row.persist();
            return row.id;
        });
        Caller admin = Caller.session("admin");
        JsonPath calm = admin.pageRequest().accept("application/json").get("/admin/drift/replays/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertNull(calm.get("showAt"), "no alert: the page reloads where it is");
        QuarkusTransaction.requiringNew().run(() -> DriftReplay.<DriftReplay>findById(id).alerts = 1);
        assertEquals("/admin/drift?replayed=60&failed=0&checks=1&alerts=1#alerts-card",
                admin.pageRequest().accept("application/json").get("/admin/drift/replays/" + id).jsonPath().getString("showAt"));
    }
}
