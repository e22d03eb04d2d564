package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Intents page's next step names an intent that lacks a reply, tickets and a description, and links to where to fix it. */
@QuarkusTest
class IntentsNextStepBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aNewIntentIsNamedWithWhatItLacksAndTheRepliesLinkOpensWithIt() throws Exception {
        String name = "gift_wrapping_next_step";
        long id = ScratchIntents.create(name);
        driver = Browser.start();
        try {
            Browser.run(driver, "intents-next-step-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/intents");
                String next = driver.findElement(By.id("intents-next")).getText();
                assertTrue(driver.findElement(By.id("intents-without-reply")).getText().contains(name), next);
                assertTrue(driver.findElement(By.id("intents-few-tickets")).getText().contains(name + " (0)"), next);
                assertTrue(driver.findElement(By.id("intents-undescribed")).getText().contains(name), next);
                assertFalse(next.contains("every intent has"), next);
                assertTrue(driver.findElements(By.cssSelector("#intents-few-tickets a[href='/admin/tickets?unlabelled=true']")).size() == 1);
                String href = driver.findElement(By.cssSelector("#intents-without-reply a")).getAttribute("href");
                // Other tests' intents may lack replies too and sort first: the link names the first of them.
                String linked = URLDecoder.decode(href.substring(href.indexOf("intent=") + 7), StandardCharsets.UTF_8);
                clickAndWaitForNewPage(driver.findElement(By.cssSelector("#intents-without-reply a")));
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/admin/replies"));
                assertEquals(linked, new Select(driver.findElement(By.name("intent"))).getFirstSelectedOption().getAttribute("value"),
                        "the Replies page opens with the intent chosen");
            });
        } finally {
            ScratchIntents.delete(id);
        }
    }
}
