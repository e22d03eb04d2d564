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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The round form refused in a real browser: the page opens on the field named (on a phone too, where the sentence at the
 * top is out of sight), shows what was typed even when it is no number, and a second mistake and then a right form work.
 */
@QuarkusTest
class FormMistakesBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aRefusedRoundFormOpensOnTheFieldWithWhatWasTyped() throws Exception {
        driver = Browser.start();
        Browser.run(driver, "round-form-mistake-failure", () -> {
            driver.manage().window().setSize(new Dimension(390, 844));
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/rounds");
            // What a browser with another keyboard layout, or none of its own checks, sends: the page's own check must say it.
            send(Map.of("beta", "0,5", "seed", "7"));
            Map<?, ?> first = focused();
            assertEquals("beta", first.get("name"), "the page opens on the field refused: " + first);
            assertEquals("0,5", first.get("value"), "what was typed stays in sight: " + first);
            assertTrue(first.get("said").toString().startsWith("β (how close to stay): '0,5' is not a number"), first.toString());
            assertEquals(Boolean.TRUE, first.get("inView"), "the field and the sentence under it are on screen: " + first);
            assertEquals("7", driver.findElement(By.name("seed")).getAttribute("value"), "the other fields keep what was typed");

            send(Map.of("beta", "0.5", "policyEpochs", "2.5"));
            Map<?, ?> second = focused();
            assertEquals("policyEpochs", second.get("name"), "a second mistake is marked in turn: " + second);
            assertFalse(driver.findElement(By.name("beta")).getAttribute("outerHTML").contains("aria-invalid"), "the first is fixed");

            // A right form after two refusals is taken (the form's token still good): with too few judgements the next
            // step says so, and no field is marked.
            send(Map.of("policyEpochs", "3"));
            assertTrue(driver.findElements(By.cssSelector("[aria-invalid]")).isEmpty(), driver.getPageSource());
            assertTrue(driver.findElements(By.id("round-error")).isEmpty() || !driver.findElement(By.id("round-error")).getText()
                    .contains("token"), "not refused for its token");
        });
    }

    /** Types into the form's fields, its folded ones too, and sends it past the browser's own number checks. */
    private void send(Map<String, String> typed) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("const form = document.getElementById('start-round'); form.noValidate = true;"
                + " form.querySelector('details').open = true;"
                + " form.querySelectorAll('input[type=number]').forEach((input) => { input.type = 'text'; });");
        typed.forEach((name, value) -> {
            WebElement field = driver.findElement(By.name(name));
            field.clear();
            field.sendKeys(value);
        });
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("#start-round button[type=submit]")));
    }

    private Map<?, ?> focused() {
        return (Map<?, ?>) ((JavascriptExecutor) driver).executeScript("""
                const field = document.activeElement;
                const said = document.getElementById(field.getAttribute('aria-describedby') || 'none');
                const box = field.getBoundingClientRect();
                const under = said ? said.getBoundingClientRect() : box;
                return { name: field.name || field.tagName, value: field.value, said: said ? said.textContent : '',
                         inView: box.top >= 0 && under.bottom <= window.innerHeight };""");
    }
}
