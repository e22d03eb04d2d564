package dev.loopwise.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin signed in to Loopwise opens Swagger UI, gives it an API key with Authorize, and answers a ticket with "Try it
 * out": the example body is filled in, and the call the browser sends, with the session's cookies beside the key, is
 * answered.
 */
@QuarkusTest
class SwaggerTryItOutBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Inject
    ApiKeyService keys;

    @Test
    void aKeyGivenToAuthorizeAnswersATicketFromTryItOut() throws Exception {
        ActiveModel.await();
        String key = ScratchAccounts.key(keys.create("admin", "swagger " + UUID.randomUUID())).secret();
        driver = Browser.start();
        Browser.run(driver, "swagger-try-it-out-failure", () -> {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "q/swagger-ui/");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".scheme-container button.authorize"))).click();
            WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container input")));
            field.sendKeys(key);
            driver.findElement(By.cssSelector(".auth-container .auth-btn-wrapper button.authorize")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-container .auth-btn-wrapper button.btn-done"))).click();

            By respond = By.cssSelector(".opblock-post:has(.opblock-summary-path[data-path='/api/v1/respond'])");
            wait.until(ExpectedConditions.elementToBeClickable(respond)).findElement(By.cssSelector(".opblock-summary")).click();
            wait.until(ExpectedConditions.elementToBeClickable(respond)).findElement(By.cssSelector("button.try-out__btn")).click();
            WebElement body = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(respond,
                    By.cssSelector("textarea.body-param__text"))).get(0);
            assertTrue(body.getAttribute("value").contains("\"text\""), "the example body: " + body.getAttribute("value"));
            driver.findElement(respond).findElement(By.cssSelector("button.execute")).click();

            By status = By.cssSelector(".opblock-post:has(.opblock-summary-path[data-path='/api/v1/respond']) .live-responses-table"
                    + " .response .response-col_status");
            String code = wait.until(ExpectedConditions.visibilityOfElementLocated(status)).getText().strip();
            String answer = driver.findElement(respond).findElement(By.cssSelector(".live-responses-table .response .response-col_description"))
                    .getText();
            assertEquals("200", code.split("\\s+")[0], answer);
            assertTrue(answer.contains("requestId") && answer.contains("modelVersion"), answer);
        });
    }
}
