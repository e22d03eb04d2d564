package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import dev.loopwise.ticket.ScratchIntents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A form whose work a second click would do again (make review items, train, start a round, add an account, a reply or an
 * intent, create a key, import articles, propose replies) cannot be sent twice: once pressed, its buttons are off and it
 * says what it is doing. A double click on Make items used to make twice the items asked for. A refused form, and the
 * page gone back to, can be sent again.
 */
@QuarkusTest
class SentOnceBrowserTest extends BrowserTest {
    /** Each page and the forms on it, by their address, that a second press would repeat. */
    private static final Map<String, List<String>> FORMS = Map.of(
            "admin/review", List.of("/admin/review/generate", "/admin/review/proposals"),
            "admin/models", List.of("/admin/models/train"),
            "admin/rounds", List.of("/admin/rounds"),
            "admin/users", List.of("/admin/users"),
            "admin/replies", List.of("/admin/replies", "/admin/review/proposals"),
            "admin/intents", List.of("/admin/intents"),
            "admin/knowledge", List.of("/admin/knowledge"),
            "account", List.of("/account/keys"));

    /** A round or a training under way in the shared database takes the Start form away, or turns Train off. */
    private static final Set<String> MAY_BE_OFF = Set.of("/admin/rounds", "/admin/models/train");

    /**
     * Double-clicks the form's button, as a hurried person would. The form goes to a hidden frame and an address that
     * does nothing, so the page stays here and no work is done; sentOut counts the presses that went out.
     */
    private static final String PRESS = """
            const form = [...document.querySelectorAll('main form')].find(f => f.getAttribute('action') === arguments[0]);
            const button = form && form.querySelector('button[type=submit], button:not([type])');
            if (!button || button.disabled) return 'not offered';
            form.noValidate = true;
            const sink = document.createElement('iframe');
            sink.name = 'sink';
            sink.hidden = true;
            document.body.appendChild(sink);
            form.target = 'sink';
            form.querySelectorAll('button').forEach((b) => { b.formAction = '/nothing-here'; });
            window.sentOut = 0;
            document.addEventListener('submit', (e) => { if (!e.defaultPrevented) window.sentOut++; });
            button.click();
            button.click();
            return null;""";

    /** What is wrong with the form once pressed: sent twice, a button still on, or no word of what it is doing. */
    private static final String AFTER = """
            const form = [...document.querySelectorAll('main form')].find(f => f.getAttribute('action') === arguments[0]);
            if (window.sentOut !== 1) return 'sent ' + window.sentOut + ' times';
            const on = [...form.querySelectorAll('button')].filter(b => !b.disabled).map(b => b.textContent.trim());
            if (on.length > 0) return 'still pressable: ' + on.join(', ');
            const note = form.querySelector('.busy-note');
            return note && note.textContent.trim() ? null : 'says nothing of what it is doing';""";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aFormThatWouldRepeatItsWorkIsSentOnce() throws Exception {
        // Make items is offered once a version answers.
        ActiveModel.await();
        driver = Browser.start();
        Browser.run(driver, "sent-once-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            JavascriptExecutor js = (JavascriptExecutor) driver;
            FORMS.forEach((page, actions) -> {
                for (String action : actions) {
                    driver.get(base + page);
                    if ("not offered".equals(js.executeScript(PRESS, action))) {
                        assertTrue(MAY_BE_OFF.contains(action), page + " offers the form sent to " + action);
                        continue;
                    }
                    // The buttons go off just after the form is sent (a button off before would not be sent with it).
                    Object[] wrong = new Object[1];
                    try {
                        new WebDriverWait(driver, Duration.ofSeconds(3)).until(d -> (wrong[0] = js.executeScript(AFTER, action)) == null);
                    } catch (TimeoutException stillWrong) {
                        assertEquals(null, wrong[0], page + ", the form sent to " + action);
                    }
                }
            });
        });
    }

    @Test
    void aRefusedFormAndThePageGoneBackToCanBeSentAgain() throws Exception {
        String name = "sent_once_" + UUID.randomUUID().toString().substring(0, 8);
        long taken = ScratchIntents.create(name);
        try {
            driver = Browser.start();
            Browser.run(driver, "sent-again-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                // Shown again, the page turns back on the buttons it turned off, and only those: a button drawn off (as
                // Train is while a training runs) stays off.
                driver.get(base + "admin/intents");
                sendFormsNowhere();
                JavascriptExecutor js = (JavascriptExecutor) driver;
                js.executeScript("const off = document.createElement('button'); off.id = 'drawn-off'; off.type = 'button';"
                        + " off.disabled = true; const add = document.getElementById('add-intent'); add.noValidate = true; add.appendChild(off);"
                        + " document.querySelector('#add-intent button[type=submit]').click();");
                new WebDriverWait(driver, Duration.ofSeconds(3)).until(d -> !d.findElement(By.cssSelector("#add-intent button[type=submit]")).isEnabled());
                js.executeScript("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));");
                assertAddIsOn("the page shown again");
                assertFalse(driver.findElement(By.id("drawn-off")).isEnabled(), "a button drawn off stays off");
                driver.get(base + "admin/intents");
                WebElement form = driver.findElement(By.id("add-intent"));
                form.findElement(By.name("name")).sendKeys(name);
                form.findElement(By.name("description")).sendKeys("The customer wants the same thing twice");
                form.findElement(By.cssSelector("button[type=submit]")).click();
                // The name is taken: the page comes back with the refusal, its Add button on and no word of adding.
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("intents-error")).isEmpty());
                assertAddIsOn("the page that refused the intent");
                ((JavascriptExecutor) driver).executeScript("history.back()");
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.id("intents-error")).isEmpty()
                        && !d.findElements(By.id("add-intent")).isEmpty());
                assertAddIsOn("the page gone back to");
            });
        } finally {
            ScratchIntents.delete(taken);
        }
    }

    /**
     * A handler after ours may keep the form here (a question answered No): the form is then as it was, its buttons on
     * and no word of working, and that handler never sees such a word while it asks.
     */
    @Test
    void aFormKeptHereByALaterHandlerStaysAsItWas() throws Exception {
        driver = Browser.start();
        Browser.run(driver, "kept-here-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/intents");
            sendFormsNowhere();
            Map<?, ?> seen = (Map<?, ?>) ((JavascriptExecutor) driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = document.getElementById('add-intent');
                    form.noValidate = true;
                    let sawNote = false;
                    window.addEventListener('submit', (e) => {
                      sawNote = sawNote || !!e.target.querySelector('.busy-note');
                      e.preventDefault();
                    });
                    form.querySelector('button[type=submit]').click();
                    // Two turns of the page's work: ours has run, and put the form back, by then.
                    setTimeout(() => setTimeout(() => done({sawNote, sent: !!form.dataset.sent}), 0), 0);""");
            assertEquals(Map.of("sawNote", false, "sent", false), seen, "the later handler saw no word, and the form may be sent");
            assertAddIsOn("the page whose form a later handler kept");
        });
    }

    private void assertAddIsOn(String where) {
        WebElement form = driver.findElement(By.id("add-intent"));
        assertTrue(form.findElement(By.cssSelector("button[type=submit]")).isEnabled(), "Add is on, on " + where);
        assertTrue(form.findElements(By.cssSelector(".busy-note")).isEmpty(), "no word of adding, on " + where);
    }
}
