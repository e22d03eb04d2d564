package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A round whose replies fit the intent less often says on its page which intents lost: each intent's held-out tickets, how
 * many the new and the active version's replies fit, worst first, with "too few tickets to say" where an intent has too few
 * to give a range. The table fits a phone, the ML figures' fold does not repeat the list as Java prints it, and the
 * Rounds list's chart, which draws only the overall figures, is not sent it.
 */
@QuarkusTest
class RoundIntentsBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void eachIntentsRepliesAreListedWorstFirstWithTheirUncertainty() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String steady = "steady_" + tag;
        String lost = "lost_" + tag;
        String many = "many_" + tag;
        long round = QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound r = new AlignmentRound();
            r.method = RoundSettings.REWARD_WEIGHTED;
            r.status = AlignmentRound.REJECTED;
            r.startedBy = "admin";
            r.finishedAt = OffsetDateTime.now();
            r.metrics.put("eval/reply_intent_tickets", 34);
            r.metrics.put("policy/changed_choice_rate", 0.2);
            r.metrics.put(ReplyIntentCheck.PER_INTENT, List.of(
                    Map.of("intent", steady, "tickets", 6, "candidate", 5, "active", 5),
                    Map.of("intent", many, "tickets", 25, "candidate", 20, "active", 21),
                    Map.of("intent", lost, "tickets", 3, "candidate", 0, "active", 3)));
            r.persist();
            return r.id;
        });
        driver = Browser.start();
        try {
            Browser.run(driver, "round-intents-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/rounds/" + round);
                List<WebElement> rows = driver.findElements(By.cssSelector("#round-intents tbody tr"));
                assertEquals(List.of(lost, many, steady), rows.stream().map(r -> r.findElement(By.tagName("code")).getText()).toList(),
                        "the intent that lost most fitting replies first");
                assertEquals(List.of(lost, "3", "0 of 3", "3 of 3", "3 tickets fewer fit", "too few tickets to say"), cells(rows.get(0)));
                assertEquals(List.of(many, "25", "80.0%", "84.0%", "1 ticket fewer fit", "likely between 64% and 90%"), cells(rows.get(1)));
                assertEquals(List.of(steady, "6", "5 of 6", "5 of 6", "no change", "too few tickets to say"), cells(rows.get(2)));
                assertTrue(rows.get(0).getAttribute("class").contains("weak") && !rows.get(2).getAttribute("class").contains("weak"),
                        "a worse intent stands out");
                String note = driver.findElement(By.id("round-intents-note")).getText();
                assertTrue(note.contains("got worse come first") && note.contains("too few tickets to say"), note);

                driver.findElement(By.cssSelector("#round-details summary")).click();
                String figures = driver.findElement(By.id("metrics")).getText();
                assertFalse(figures.contains("per_intent") || figures.contains("{intent="), "the list has its own table: " + figures);
                assertTrue(figures.contains("eval/reply_intent_tickets"), figures);

                driver.get(base + "admin/rounds");
                Object point = ((JavascriptExecutor) driver).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        fetch('/admin/rounds/history', { headers: { Accept: 'application/json' } }).then((r) => r.json())
                          .then((points) => done(points.find((p) => p.round === %d)));""".formatted(round));
                Map<?, ?> drawn = (Map<?, ?>) point;
                assertEquals(0.2, ((Number) drawn.get("policy/changed_choice_rate")).doubleValue(), 1e-9, "the chart's figure: " + drawn);
                assertFalse(drawn.containsKey(ReplyIntentCheck.PER_INTENT) || drawn.containsKey("eval/reply_intent_tickets"),
                        "the chart's points carry only what it draws: " + drawn);

                driver.manage().window().setSize(new Dimension(390, 844));
                driver.get(base + "admin/rounds/" + round);
                Object sideways = ((JavascriptExecutor) driver).executeScript("""
                        document.querySelectorAll('details').forEach(d => d.open = true);
                        const t = document.getElementById('round-intents');
                        return [document.documentElement.scrollWidth > window.innerWidth + 1, t.scrollWidth > t.parentElement.clientWidth + 1];""");
                assertEquals(List.of(false, false), sideways, "neither the page nor the table scrolls sideways at 390 px");
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(round));
        }
    }

    /**
     * With many intents the table would run to many screens as cards on a phone: the intents that got worse lead, then those
     * that fit least often, and the rest wait behind a fold that opens without script, on a phone as on a desktop.
     */
    @Test
    void pastEightIntentsTheRestWaitBehindShowAll() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> perIntent = new ArrayList<>();
        // worse: w1 lost 2, w2 lost 1; then 15 that fit as often as before, f10..f24, by share; last s (4 of 4, too small to say)
        perIntent.add(Map.of("intent", "w1_" + tag, "tickets", 30, "candidate", 27, "active", 29));
        perIntent.add(Map.of("intent", "w2_" + tag, "tickets", 30, "candidate", 29, "active", 30));
        perIntent.add(Map.of("intent", "s_" + tag, "tickets", 4, "candidate", 4, "active", 4));
        for (int i = 10; i < 25; i++) {
            perIntent.add(Map.of("intent", "f" + i + "_" + tag, "tickets", 30, "candidate", i, "active", i));
        }
        long round = QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound r = new AlignmentRound();
            r.method = RoundSettings.REWARD_WEIGHTED;
            r.status = AlignmentRound.REJECTED;
            r.startedBy = "admin";
            r.finishedAt = OffsetDateTime.now();
            r.metrics.put(ReplyIntentCheck.PER_INTENT, perIntent);
            r.persist();
            return r.id;
        });
        driver = Browser.start();
        try {
            Browser.run(driver, "round-intents-fold-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(390, 844))) {
                    driver.manage().window().setSize(size);
                    driver.get(base + "admin/rounds/" + round);
                    List<WebElement> first = driver.findElements(By.cssSelector("#round-intents tbody tr"));
                    assertEquals(List.of("w1_" + tag, "w2_" + tag, "f10_" + tag, "f11_" + tag, "f12_" + tag, "f13_" + tag),
                            first.stream().map(r -> r.findElement(By.tagName("code")).getText()).toList(), "at " + size);
                    WebElement fold = driver.findElement(By.id("round-intents-fold"));
                    WebElement summary = fold.findElement(By.tagName("summary"));
                    assertEquals("Show all 18 intents (12 more, none of them worse)", summary.getText());
                    List<WebElement> folded = fold.findElements(By.cssSelector("tbody tr"));
                    assertEquals(12, folded.size());
                    assertFalse(folded.get(0).isDisplayed(), "folded until asked for, at " + size);
                    String worse = first.get(0).findElement(By.cssSelector("td")).getCssValue("background-color");
                    assertNotEquals(first.get(3).findElement(By.cssSelector("td")).getCssValue("background-color"), worse,
                            "an intent whose replies got worse stands out at " + size);
                    summary.click();
                    assertTrue(folded.get(0).isDisplayed() && folded.get(11).getText().contains("s_" + tag), "opened at " + size);
                    assertEquals(Boolean.FALSE, ((JavascriptExecutor) driver).executeScript(
                            "return document.documentElement.scrollWidth > window.innerWidth + 1;"), "no sideways scrolling at " + size);
                }
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(round));
        }
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }
}
