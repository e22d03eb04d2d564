package dev.loopwise.serving;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.encoder.EncoderService;
import dev.loopwise.model.registry.version.ModelRegistry;
import dev.loopwise.model.registry.version.ServingModel;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * On Try a ticket, in headless Chromium, a reply's slots the ticket cannot fill read as marked blanks for the helpdesk or an
 * agent, never as braces, and on a phone the reply keeps its card's width; a hand-over says how sure the version was of
 * the closest intent and where its hand-over line is. Its button spans the form on a phone only.
 */
@QuarkusTest
class TryPageBrowserTest extends BrowserTest {
    /** Tickets whose intents have a library reply with a slot no ticket text fills (a link, a date, a product). */
    private static final List<String> SLOTTED = List.of("Can I get a VAT invoice for my last order please?",
            "Where is my parcel? I would like the tracking link.", "I want to return the jacket, how do I get a return label?",
            "When will the linen shirt be back in stock?", "How do I wash my wool jumper?");

    @TestHTTPResource("/")
    URL base;
    @Inject
    ModelRegistry registry;
    @Inject
    EncoderService encoders;

    @Test
    void openSlotsShowAsBlanksToFillAndAHandOverSaysHowSureItWas() throws Exception {
        ActiveModel.await();
        ServingModel model = registry.current().orElseThrow();
        // The serving version's own decision picks a ticket whose reply keeps a slot open (which reply it prefers is learned).
        String slotted = SLOTTED.stream().filter(t -> !model.decide(encoders.encode(model.encoder(), List.of(t))[0], t, true)
                .openSlots().isEmpty()).findFirst().orElse(null);
        assertNotNull(slotted, "one of the tickets gets a reply with an open slot");
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        Browser.run(driver, "try-page-blanks-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            tryTicket(wait, slotted);
            WebElement reply = driver.findElement(By.id("try-reply"));
            assertFalse(reply.getText().contains("{{") || reply.getText().contains("}}"), "no raw braces: " + reply.getText());
            List<WebElement> blanks = reply.findElements(By.cssSelector("span.slot"));
            assertFalse(blanks.isEmpty(), "the open slot is a marked blank: " + reply.getText());
            for (WebElement blank : blanks) {
                assertTrue(blank.getText().matches("[a-z0-9 ]+"), "a blank reads as words: " + blank.getText());
                assertTrue(blank.getAttribute("title").contains("helpdesk"), blank.getAttribute("title"));
                assertFalse(blank.getCssValue("background-color").equals("rgba(0, 0, 0, 0)"), "a blank stands out from the text");
            }
            // On a phone the reply has its card's width: a quotation's default indents, 40 px on each side, left it a narrow column.
            driver.manage().window().setSize(new Dimension(390, 844));
            Number share = (Number) ((JavascriptExecutor) driver).executeScript("""
                    const r = document.getElementById('try-reply'), card = r.closest('.card'), s = getComputedStyle(card);
                    return r.getBoundingClientRect().width / (card.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight));""");
            assertTrue(share.doubleValue() >= 0.9, "on a phone the reply takes " + share + " of its card's width");
            // The button is as wide as its form on a phone, within reach of a thumb; at desktop width it keeps to its words
            // as other primary buttons do: stretched under the ticket box it once spanned the whole card.
            assertTrue(buttonShareOfForm() >= 0.9, "on a phone the button spans its form: " + buttonShareOfForm());
            driver.manage().window().setSize(new Dimension(1280, 1000));
            assertTrue(buttonShareOfForm() <= 0.3, "at desktop width the button keeps to its words: " + buttonShareOfForm());
            String note = driver.findElement(By.id("try-blanks")).getText();
            assertTrue(note.contains(blanks.get(0).getText()) && note.contains("helpdesk") && note.contains("agent"), note);

            tryTicket(wait, "What rhymes with orange?");
            String handover = driver.findElement(By.id("try-handover")).getText();
            String closest = driver.findElement(By.cssSelector("#try-handover em")).getText();
            assertTrue(handover.contains("closest intent") && handover.contains("sure"), handover);
            assertTrue(!closest.isBlank() && !closest.equals("oos"), "the closest real intent is named: " + closest);
            assertTrue(handover.contains("hand-over line"), "the hand-over line is said: " + handover);
            assertFalse(handover.matches("(?s).*\\(\\d+% for .*"), "not the old '(1% for label)': " + handover);
        });
    }

    private double buttonShareOfForm() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("""
                const form = document.querySelector("form[action='/admin/models/try']");
                return form.querySelector('button[type=submit]').getBoundingClientRect().width / form.getBoundingClientRect().width;"""))
                .doubleValue();
    }

    private void tryTicket(WebDriverWait wait, String ticket) {
        driver.get(base + "admin/models/try");
        WebElement box = driver.findElement(By.name("ticket"));
        box.clear();
        box.sendKeys(ticket);
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("form[action='/admin/models/try'] button[type=submit]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("try-answer")));
    }
}
