package dev.loopwise.knowledge;

import static dev.loopwise.knowledge.KnowledgeArticles.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A support lead finds an article among many by a word of its title, and is told in words when none holds it. */
@QuarkusTest
class KnowledgeSearchBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    ApiKeyService keys;

    @Test
    void theSearchBoxListsTheArticlesHoldingTheWordAndSaysWhenNoneDoes() throws Exception {
        String tag = "find" + UUID.randomUUID().toString().substring(0, 8);
        String rows = "{\"id\": \"" + tag + "-a\", \"title\": \"Refund times " + tag + "\", \"body\": \"Refunds take five working days.\"}\n"
                + "{\"id\": \"" + tag + "-b\", \"title\": \"Gift wrapping " + tag + "\", \"body\": \"Wrapping costs three euros.\"}\n";
        Caller admin = Caller.apiKey(keys, "admin");
        upload(admin, tag + ".jsonl", "application/x-ndjson", rows).statusCode(201);
        List<Integer> ids = admin.request().queryParam("q", tag).get("/api/v1/knowledge/articles").then().statusCode(200).extract()
                .jsonPath().getList("id");
        driver = Browser.start();
        try {
            Browser.run(driver, "knowledge-search-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/knowledge");
                WebElement box = driver.findElement(By.cssSelector("#knowledge-search input[name=q]"));
                newPageAfter(() -> box.sendKeys("REFUND TIMES " + tag, Keys.ENTER));
                assertEquals(List.of("Refund times " + tag), listedTitles());
                assertTrue(driver.findElement(By.id("knowledge-searched")).getText().contains("holds \u201cREFUND TIMES " + tag + "\u201d"));
                assertEquals("REFUND TIMES " + tag, driver.findElement(By.cssSelector("#knowledge-search input[name=q]")).getAttribute("value"),
                        "the search stays in its box");

                WebElement again = driver.findElement(By.cssSelector("#knowledge-search input[name=q]"));
                again.clear();
                newPageAfter(() -> again.sendKeys("refund " + tag, Keys.ENTER));
                assertTrue(driver.findElement(By.id("knowledge-no-match")).getText().startsWith("No article's title or file name holds \u201crefund "
                        + tag + "\u201d. Try a shorter part of a word"), driver.findElement(By.id("knowledge-no-match")).getText());
                clickAndWaitForNewPage(driver.findElement(By.cssSelector("#knowledge-no-match a")));
                assertEquals("", driver.findElement(By.cssSelector("#knowledge-search input[name=q]")).getAttribute("value"));
                assertTrue(driver.findElements(By.id("knowledge-searched")).isEmpty(), "the whole list again");
                assertTrue(listedTitles().contains("Gift wrapping " + tag), "the newest articles again, both of them");
            });
        } finally {
            ids.forEach(id -> admin.request().delete("/api/v1/knowledge/articles/" + id).then().statusCode(204));
        }
    }

    private List<String> listedTitles() {
        return driver.findElements(By.cssSelector("#knowledge-article-table td[data-label=Title] [dir=auto]")).stream().map(WebElement::getText).toList();
    }
}
