package dev.loopwise.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chart across rounds, in headless Chromium, draws what the table under it shows, in its words: the share of replies
 * changed, not the KL divergence under a legend that names it, a figure only ML engineers read.
 */
@QuarkusTest
class RoundsChartBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void theChartAcrossRoundsShowsRepliesChangedAsTheTableDoesAndNamesNoKl() throws Exception {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound round = new AlignmentRound();
            round.method = RoundSettings.REWARD_WEIGHTED;
            round.status = AlignmentRound.REJECTED;
            round.startedBy = "admin";
            round.finishedAt = java.time.OffsetDateTime.now();
            round.metrics = new LinkedHashMap<>(Map.of("reward/accuracy", 0.8, "eval/candidate_preference_agreement", 0.7,
                    "eval/active_preference_agreement", 0.65, "policy/kl", 0.37, "policy/changed_choice_rate", 0.27));
            round.persist();
            return round.id;
        });
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            Browser.run(driver, "rounds-chart-failure", () -> {
                driver.get(base + "login");
                driver.findElement(By.name("j_username")).sendKeys("admin");
                driver.findElement(By.name("j_password")).sendKeys(DemoWorkspace.ADMIN_PASSWORD, Keys.ENTER);
                wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
                driver.get(base + "admin/rounds");
                wait.until(d -> script("return !!(window.Chart && Chart.getChart('rounds-chart'));"));
                List<?> labels = (List<?>) script("return Chart.getChart('rounds-chart').data.datasets.map(d => d.label);");
                assertTrue(labels.stream().noneMatch(l -> String.valueOf(l).contains("KL")), "no KL in the legend: " + labels);
                assertTrue(labels.contains("replies changed"), labels.toString());
                Object newest = script("const c = Chart.getChart('rounds-chart'); const set = c.data.datasets.find(d => d.label === 'replies changed');"
                        + " return set.data[set.data.length - 1];");
                assertEquals(0.27, ((Number) newest).doubleValue(), 1e-9, "the share the table shows as Replies changed");
                assertEquals(List.of("x", "rate"), script("return Object.keys(Chart.getChart('rounds-chart').options.scales);"),
                        "one axis of shares, no second axis for a divergence");
                Browser.screenshot(driver, "rounds-chart");
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(id));
        }
    }

    private Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }
}
