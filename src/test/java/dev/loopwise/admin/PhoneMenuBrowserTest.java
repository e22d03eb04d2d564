package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * An admin's menu of fifteen entries on a 390-pixel phone: it took three lines above every page; folded, it takes one
 * line under the brand, names the page a person is on, opens from the keyboard and marks that page among its entries.
 * On a desktop and for a reviewer's two entries nothing is folded.
 */
@QuarkusTest
class PhoneMenuBrowserTest extends BrowserTest {
    /** Two lines of 44-pixel targets and the bar's padding: a third line would take it past 120. */
    private static final int TWO_LINES_PX = 110;

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAdminsMenuFoldsToOneLineOnAPhoneAndOpensFromTheKeyboard() throws Exception {
        driver = Browser.start();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Browser.run(driver, "phone-menu-failure", () -> {
            driver.manage().window().setSize(new Dimension(390, 844));
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/review");
            assertTrue(topbarHeight() <= TWO_LINES_PX, "the header takes two lines at most: " + topbarHeight() + " px");
            assertEquals(List.of("Main menu"), visibleNavigationLandmarks(), "the closed fold still sits in the menu's landmark");
            WebElement summary = driver.findElement(By.cssSelector(".phone-menu summary"));
            assertEquals("\"▾\" / \"\"", js.executeScript("return getComputedStyle(arguments[0], '::after').content;", summary),
                    "the fold's arrow is drawn, not read out");
            assertTrue(summary.isDisplayed() && summary.getText().contains("Review quality"), "the fold names the page: " + summary.getText());
            assertTrue(menuLinks().stream().noneMatch(WebElement::isDisplayed), "the header's menu gives way to the fold");
            assertTrue(driver.findElements(By.cssSelector(".phone-menu .menu-grid a")).stream().noneMatch(WebElement::isDisplayed),
                    "the entries wait in the fold");

            // From the top of the page: the skip link, the brand, then the fold, which Enter opens.
            for (int tab = 0; tab < 3; tab++) {
                new Actions(driver).sendKeys(Keys.TAB).perform();
            }
            assertEquals("summary", js.executeScript("return document.activeElement.tagName.toLowerCase();"), "the third Tab reaches the fold");
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            List<WebElement> folded = driver.findElements(By.cssSelector(".phone-menu .menu-grid a"));
            assertEquals(15, folded.size());
            assertTrue(folded.stream().allMatch(WebElement::isDisplayed), "Enter opens the fold and shows every entry");
            WebElement here = driver.findElement(By.cssSelector(".phone-menu a[aria-current=page]"));
            assertEquals("Review quality", here.getText(), "the page a person is on is marked");
            new Actions(driver).sendKeys(Keys.TAB).perform();
            assertEquals("Overview", js.executeScript("return document.activeElement.textContent.trim();"), "Tab goes on to the first entry");
            assertEquals(Boolean.TRUE, js.executeScript("return document.documentElement.scrollWidth <= 390;"),
                    "the open menu needs no sideways scrolling");

            driver.manage().window().setSize(new Dimension(1280, 900));
            driver.get(base + "admin/review");
            assertFalse(driver.findElement(By.cssSelector(".phone-menu")).isDisplayed(), "a desktop has no fold to open");
            List<WebElement> links = menuLinks();
            assertEquals(15, links.size());
            assertTrue(links.stream().allMatch(WebElement::isDisplayed), "every entry shows on a desktop");
            assertEquals(1, links.stream().map(link -> link.getRect().getY()).distinct().count(), "on one line");
            assertEquals(List.of("Main menu"), visibleNavigationLandmarks(), "one menu landmark on a desktop too");
        });
    }

    @Test
    void aReviewersTwoEntriesAreNotFolded() throws Exception {
        driver = Browser.start();
        Browser.run(driver, "phone-menu-reviewer-failure", () -> {
            driver.manage().window().setSize(new Dimension(390, 844));
            signIn(base, "reviewer1", DemoWorkspace.REVIEWER_PASSWORD);
            driver.get(base + "account");
            assertTrue(driver.findElements(By.cssSelector(".phone-menu")).isEmpty(), "two entries need no fold");
            assertEquals(List.of("Review", "Account"), menuLinks().stream().map(WebElement::getText).toList());
            assertTrue(topbarHeight() <= TWO_LINES_PX, "the header takes two lines at most: " + topbarHeight() + " px");
        });
    }

    /** The header's menu: the one a desktop shows, and a reviewer's on any screen. */
    private List<WebElement> menuLinks() {
        return driver.findElements(By.cssSelector("header > nav[aria-label='Main menu']:not(.phone-menu) a"));
    }

    /** The labels of the navigation landmarks a screen reader can reach: hidden ones (display: none) are not among them. */
    @SuppressWarnings("unchecked")
    private List<String> visibleNavigationLandmarks() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('nav, [role=navigation]')].filter(n => n.checkVisibility())"
                        + ".map(n => n.getAttribute('aria-label'));");
    }

    private long topbarHeight() {
        return Math.round(((Number) ((JavascriptExecutor) driver)
                .executeScript("return document.querySelector('header.topbar').getBoundingClientRect().height;")).doubleValue());
    }
}
