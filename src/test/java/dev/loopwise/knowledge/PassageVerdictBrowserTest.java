package dev.loopwise.knowledge;

import static dev.loopwise.knowledge.KnowledgeArticles.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Try a ticket on the Knowledge page tells a support lead in words whether each passage fits the ticket; the raw
 * similarity score, which means nothing to them, waits under a fold for ML engineers.
 */
@QuarkusTest
class PassageVerdictBrowserTest extends BrowserTest {
    private static final String ARTICLES = """
            {"id": "verdict-lockers", "title": "Parcel lockers", "body": "Parcel lockers keep your parcel for 7 days after it arrives, then it comes back to us."}
            {"id": "verdict-codes", "title": "Locker opening codes", "body": "The parcel locker opening code arrives by text message when the parcel is in the locker."}
            """;
    private static final Pattern SCORE = Pattern.compile("-?[01]\\.\\d\\d");

    @TestHTTPResource("/")
    URL base;
    @Inject
    ApiKeyService keys;

    @Test
    void eachPassageReadsAsAVerdictAndItsScoreWaitsUnderTheFold() throws Exception {
        Caller admin = Caller.apiKey(keys, "admin");
        upload(admin, "verdicts.jsonl", "application/x-ndjson", ARTICLES).statusCode(201);
        List<Integer> ids = admin.request().queryParam("limit", 1000).get("/api/v1/knowledge/articles").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.sourceName == 'verdicts.jsonl' }.id");
        driver = Browser.start();
        try {
            Browser.run(driver, "passage-verdict-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/knowledge?ticket="
                        + URLEncoder.encode("how long does the parcel locker keep my parcel", StandardCharsets.UTF_8));
                List<WebElement> passages = driver.findElements(By.cssSelector("#knowledge-found > li"));
                assertFalse(passages.isEmpty(), "the ticket finds passages");
                for (WebElement passage : passages) {
                    String verdict = passage.findElement(By.className("verdict")).getText();
                    assertTrue(verdict.matches("(Close match|Related|Weak): .+"), verdict);
                    String beforeQuote = passage.getText().replace(passage.findElement(By.tagName("blockquote")).getText(), "");
                    assertFalse(SCORE.matcher(beforeQuote).find(), "no raw score beside the verdict: " + beforeQuote);
                }
                WebElement fold = driver.findElement(By.id("knowledge-scores"));
                List<WebElement> scores = fold.findElements(By.className("score"));
                assertEquals(passages.size(), scores.size(), "the fold holds one score a passage");
                assertFalse(scores.get(0).isDisplayed(), "the scores are folded away");
                fold.findElement(By.tagName("summary")).click();
                assertTrue(scores.get(0).isDisplayed(), "opening the fold shows the scores");
                assertTrue(SCORE.matcher(scores.get(0).getText()).matches(), scores.get(0).getText());
            });
        } finally {
            ids.forEach(id -> admin.request().delete("/api/v1/knowledge/articles/" + id).then().statusCode(204));
        }
    }
}
