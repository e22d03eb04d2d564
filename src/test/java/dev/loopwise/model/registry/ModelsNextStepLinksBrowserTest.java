package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Models page's next step names the pages to go to as links to them, the same ones the menu has, and a link opens its
 * page. Which pages it names depends on the versions the other tests left; {@link NextStepLinksTest} reads set texts.
 */
@QuarkusTest
class ModelsNextStepLinksBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void thePagesTheNextStepNamesAreLinksThatOpenThem() throws Exception {
        ActiveModel.await();
        driver = Browser.start();
        Browser.run(driver, "models-next-links-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/models");
            List<WebElement> links = driver.findElements(By.cssSelector("#models-next a"));
            String next = driver.findElement(By.id("models-next")).getText();
            // What the next step says depends on the versions earlier tests left: the page links each page it names, and no other words.
            List<String> named = NextStepLinks.pageLinks(next).stream().filter(part -> part.href() != null).map(NextStepLinks.Part::text).toList();
            assertEquals(named, links.stream().map(WebElement::getText).toList(), "each page named is a link: " + next);
            if (links.isEmpty()) {
                return;
            }
            for (WebElement link : links) {
                String menu = driver.findElement(By.cssSelector("nav")).findElement(By.linkText(link.getText())).getAttribute("href");
                assertEquals(menu, link.getAttribute("href"), link.getText() + " links where the menu's " + link.getText() + " does");
            }
            String href = links.get(links.size() - 1).getAttribute("href");
            clickAndWaitForNewPage(links.get(links.size() - 1));
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(href));
            assertTrue(driver.findElement(By.tagName("h1")).isDisplayed(), "the linked page opened: " + driver.getCurrentUrl());
        });
    }
}
