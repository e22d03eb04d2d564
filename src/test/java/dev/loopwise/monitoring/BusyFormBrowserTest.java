package dev.loopwise.monitoring;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A replay sent while the page waits (up to a minute), a ticket import and an LLM connection test say at once that they
 * are under way, and cannot be sent a second time by a second click: the page would otherwise look as if nothing happened.
 */
@QuarkusTest
class BusyFormBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aLongFormSaysItWorksAndIsNotSentTwice() throws Exception {
        Path file = Files.createTempFile("replay", ".csv");
        Files.writeString(file, BackgroundReplayTest.familiarTickets(20));
        driver = Browser.start();
        Browser.run(driver, "busy-form-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            for (String page : new String[] {"admin/drift", "admin/import"}) {
                driver.get(base + page);
                WebElement form = driver.findElement(By.cssSelector("form[data-busy]"));
                if (page.equals("admin/drift")) {
                    new Select(form.findElement(By.name("source"))).selectByValue("file");
                }
                form.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
                // The page stays here, so the test sees what a person sees while the server works.
                sendFormsNowhere();
                WebElement button = form.findElement(By.cssSelector("button[type=submit]"));
                assertTrue(button.isEnabled());
                button.click();
                new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !button.isEnabled());
                String said = form.findElement(By.cssSelector(".busy-note")).getText();
                assertTrue(said.contains("when it is done"), page + ": " + said);
                assertFalse(said.isBlank());
            }
            // One form, two buttons: Test connection (which can wait for the LLM's timeout) says what it does; Save says nothing.
            driver.get(base + "admin/llm");
            sendFormsNowhere();
            WebElement test = driver.findElement(By.id("llm-test-button"));
            test.click();
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !test.isEnabled());
            String said = test.findElement(By.xpath("./ancestor::form")).findElement(By.cssSelector(".busy-note")).getText();
            assertTrue(said.contains("Trying the connection"), said);
        });
    }
}
