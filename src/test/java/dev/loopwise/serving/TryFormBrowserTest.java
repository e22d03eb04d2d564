package dev.loopwise.serving;

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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Try a ticket form in headless Chromium: a pasted ticket longer than Loopwise answers is not cut short in silence (the
 * answer would be for its first part only, where a customer's would be refused) but refused with its length; Arabic typed
 * in the box reads right to left; and a second click while the answer is worked out says it is under way instead of
 * sending the ticket again. On a phone the answer, drawn under the form, is brought into view.
 */
@QuarkusTest
class TryFormBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aLongTicketIsRefusedWholeArabicReadsRightToLeftAndASecondClickWaits() throws Exception {
        ActiveModel.await();
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        Browser.run(driver, "try-form-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/models/try");
            String longTicket = "Where is my order? ".repeat(250).strip();
            // Typed keys obey the box's limit as a paste does.
            box().sendKeys(longTicket);
            assertEquals(longTicket.length(), box().getDomProperty("value").length(), "the box keeps all of a long ticket");
            submit();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("try-error")));
            String error = driver.findElement(By.id("try-error")).getText();
            assertTrue(error.contains("4,749 characters") && error.contains("at most 4,000"), error);
            assertTrue(driver.findElements(By.id("try-answer")).isEmpty(), "no answer for a part of the ticket");

            driver.get(base + "admin/models/try");
            box().sendKeys("أين طلبي؟ لم يصل بعد");
            assertEquals("rtl", js("return getComputedStyle(document.querySelector('[name=ticket]')).direction"),
                    "an Arabic ticket reads right to left as it is typed");
            box().clear();
            box().sendKeys("Where is my parcel?");
            assertEquals("ltr", js("return getComputedStyle(document.querySelector('[name=ticket]')).direction"));

            // The page stays here, so the test sees what a person sees meanwhile.
            sendFormsNowhere();
            WebElement button = driver.findElement(By.cssSelector("form[action='/admin/models/try'] button[type=submit]"));
            // Two clicks before the button goes off, as a hurried person makes them; sentOut counts those that went out.
            js("""
                    window.sentOut = 0;
                    document.addEventListener('submit', (e) => { if (!e.defaultPrevented) window.sentOut++; });
                    const button = document.querySelector("form[action='/admin/models/try'] button[type=submit]");
                    button.click();
                    button.click();
                    return null;""");
            wait.until(d -> !button.isEnabled());
            String said = driver.findElement(By.cssSelector("form[action='/admin/models/try'] .busy-note")).getText();
            assertTrue(said.contains("Working out the answer"), said);
            assertEquals(1L, ((Number) js("return window.sentOut")).longValue(), "a second click sends nothing");
        });
    }

    @Test
    void onAPhoneTheAnswerIsBroughtIntoViewAndOnAWideScreenThePageStaysPut() throws Exception {
        ActiveModel.await();
        driver = Browser.start();
        Browser.run(driver, "try-form-phone-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.manage().window().setSize(new Dimension(390, 844));
            driver.get(base + "admin/models/try");
            box().sendKeys("I want to send back the shoes I bought");
            submit();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("try-answer")));
            Number top = (Number) js("return document.getElementById('try-answer').getBoundingClientRect().top");
            assertTrue(top.doubleValue() >= -1 && top.doubleValue() < 844 - 48, "the answer starts on the screen: " + top);

            driver.manage().window().setSize(new Dimension(1280, 2400));
            driver.get(base + "admin/models/try");
            box().sendKeys("I want to send back the shoes I bought");
            submit();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("try-answer")));
            assertEquals(0L, ((Number) js("return Math.round(window.scrollY)")).longValue(), "an answer already in sight moves nothing");
        });
    }

    private WebElement box() {
        return driver.findElement(By.name("ticket"));
    }

    private void submit() {
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("form[action='/admin/models/try'] button[type=submit]")));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}
