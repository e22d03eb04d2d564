package dev.loopwise.knowledge;

import static dev.loopwise.knowledge.KnowledgeArticles.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * An Arabic article on the Knowledge page reads right to left, its title in the list of articles and in what a ticket
 * finds, and its passage too: laid out left to right, a title's closing emoji or full stop stood at its start.
 */
@QuarkusTest
class RightToLeftArticleBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    ApiKeyService keys;

    @Test
    void anArabicArticleReadsRightToLeft() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String title = "سياسة الإرجاع " + tag + " 📦";
        String article = "{\"id\": \"rtl-" + tag + "\", \"title\": \"" + title + "\", \"body\": \"يمكنك إرجاع أي منتج خلال ثلاثين يومًا من"
                + " الاستلام واسترداد المبلغ كاملًا. 😀\"}\n";
        Caller admin = Caller.apiKey(keys, "admin");
        upload(admin, "rtl-" + tag + ".jsonl", "application/x-ndjson", article).statusCode(201);
        List<Integer> ids = admin.request().queryParam("limit", 1000).get("/api/v1/knowledge/articles").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.sourceName == 'rtl-" + tag + ".jsonl' }.id");
        driver = Browser.start();
        try {
            Browser.run(driver, "rtl-article-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/knowledge?ticket=" + URLEncoder.encode("كيف أعيد المنتج وأسترد المبلغ؟", StandardCharsets.UTF_8));
                WebElement cell = driver.findElement(By.xpath(
                        "//table[@id='knowledge-article-table']//td[@data-label='Title'][contains(., '" + tag + "')]"));
                List<WebElement> marked = cell.findElements(By.cssSelector("[dir=auto]"));
                assertEquals("rtl", direction(marked.isEmpty() ? cell : marked.get(0)), "the title in the list of articles");
                WebElement found = driver.findElement(By.xpath("//ol[@id='knowledge-found']/li[strong[contains(text(), '" + tag + "')]]"));
                assertEquals("rtl", direction(found.findElement(By.tagName("strong"))), "the title of a passage found");
                assertEquals("rtl", direction(found.findElement(By.tagName("blockquote"))), "the passage found");
                assertEquals("rtl", direction(driver.findElement(By.name("ticket"))), "the ticket typed");
            });
        } finally {
            ids.forEach(id -> admin.request().delete("/api/v1/knowledge/articles/" + id).then().statusCode(204));
        }
    }

    private String direction(WebElement element) {
        return (String) ((JavascriptExecutor) driver).executeScript("return getComputedStyle(arguments[0]).direction;", element);
    }
}
