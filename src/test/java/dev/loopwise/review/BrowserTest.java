package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test that drives one Chromium ({@link Browser#start()}) into {@link #driver}: the browser is quit after each test,
 * whatever happened, so no test leaves a Chromium running.
 */
public abstract class BrowserTest {
    /** Long enough for the slowest answer a form waits for (an import, the model's reply on a cold start). */
    private static final Duration NEW_PAGE = Duration.ofSeconds(30);

    protected WebDriver driver;

    @AfterEach
    void quitBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /** Signs in on the login page of the application at {@code base} and waits until the page it lands on has loaded. */
    protected void signIn(URL base, String username, String password) {
        driver.get(base + "login");
        driver.findElement(By.name("j_username")).sendKeys(username);
        newPageAfter(() -> driver.findElement(By.name("j_password")).sendKeys(password, Keys.ENTER));
        assertFalse(driver.getCurrentUrl().contains("/login"), username + " was not signed in: " + driver.getCurrentUrl());
    }

    /** Clicks what leaves the page (a submit button, a link) and waits until the page that replaces it has loaded. */
    protected void clickAndWaitForNewPage(WebElement element) {
        newPageAfter(element::click);
    }

    /**
     * Does what leaves the page (a click, Enter in a form, a confirmation accepted) and waits until the page that replaces
     * it has loaded. Found sooner, elements are the old page's, gone by the time they are read; and a URL or an element
     * both pages share says nothing about which page is shown.
     */
    protected void newPageAfter(Runnable action) {
        WebElement old = driver.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(driver, NEW_PAGE).until(d -> gone(old));
        new WebDriverWait(driver, NEW_PAGE).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        // The browser moves the focus to an autofocus field when it next paints, which can come after the load: the page
        // a person sees has been painted.
        try {
            ((JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
        } catch (WebDriverException reloaded) {
            // A page that follows a job reloads itself when the job moves on: the one it reloads into is as new.
        }
    }

    /**
     * Whether the page {@code old} belongs to has been replaced. Asked while the new page arrives, Chromium may answer
     * "does not belong to the document" rather than "stale": the old page is gone all the same.
     */
    private static boolean gone(WebElement old) {
        try {
            old.isEnabled();
            return false;
        } catch (StaleElementReferenceException | NoSuchElementException replaced) {
            return true;
        } catch (WebDriverException asked) {
            return String.valueOf(asked.getMessage()).contains("does not belong to the document");
        }
    }

    /**
     * Does what must not send its form (the browser's own checks, or the page's, refuse it) and asserts it was not sent. A
     * sent form goes on submitting after the click returns, so looking at the URL at once proves nothing: this asks
     * whether a submit went through unstopped instead, which the browser settles before the click returns.
     */
    protected void samePageAfter(Runnable action) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.loopwiseSubmits = [];"
                + " document.addEventListener('submit', (e) => window.loopwiseSubmits.push(e), true);");
        action.run();
        assertTrue(Boolean.TRUE.equals(js.executeScript("return Array.isArray(window.loopwiseSubmits)"
                + " && window.loopwiseSubmits.every((e) => e.defaultPrevented);")), "the form was sent: " + driver.getCurrentUrl());
    }

    /**
     * Sends every form of the page to a hidden frame and an address that does nothing, so the page stays as a person sees
     * it while the server works, and no work is done. A submit stopped instead would count as not sent, and the page
     * would turn its buttons back on.
     */
    protected void sendFormsNowhere() {
        ((JavascriptExecutor) driver).executeScript("""
                const sink = document.createElement('iframe');
                sink.name = 'nowhere';
                sink.hidden = true;
                document.body.appendChild(sink);
                document.querySelectorAll('form').forEach((form) => { form.target = 'nowhere'; });
                document.querySelectorAll('form button').forEach((button) => { button.formAction = '/nothing-here'; });""");
    }
}
