package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every main page at 375 px, the width of a small phone: nothing needs sideways scrolling, no field shows its text cut off
 * (an intent's name lost its last letters), the judging choices are 44 px high, and no control on a page outside a
 * sentence is under the 24 px a fingertip needs (a row's Save, a fold's summary, the pages of tickets and a link on a
 * line of its own were 18 to 23 px high).
 */
@QuarkusTest
class PhoneWidthBrowserTest extends ReviewerBrowserTest {

    private static final List<String> ADMIN_PAGES = List.of("admin", "admin/tickets", "admin/import", "admin/intents",
            "admin/replies", "admin/knowledge", "admin/models", "admin/models/try", "admin/review", "admin/rounds",
            "admin/drift", "admin/llm", "admin/users", "admin/audit", "account");

    /** Controls under 24 px high, leaving out links inside running text (the line's height is the sentence's). */
    private static final String SMALL_TARGETS = """
            const shown = (e) => { const s = getComputedStyle(e); const b = e.getBoundingClientRect();
              return s.display !== 'none' && s.visibility !== 'hidden' && b.width > 1 && b.height > 1; };
            const inSentence = (e) => e.tagName === 'A' && e.parentElement
              && e.parentElement.textContent.trim().length > e.textContent.trim().length + 2;
            const target = (e) => e.type === 'checkbox' && e.closest('label') ? e.closest('label') : e;
            return [...document.querySelectorAll('main a, main button, main summary, main select, main input, main [tabindex]:not([tabindex="-1"])')]
              .filter((e) => e.type !== 'hidden' && shown(e) && !inSentence(e) && !e.closest('details:not([open]) > :not(summary)'))
              .filter((e) => target(e).getBoundingClientRect().height < 24)
              .map((e) => (e.textContent.trim() || e.name || e.tagName).slice(0, 40) + ': '
                + Math.round(target(e).getBoundingClientRect().height) + ' px');""";

    /** Shown text fields whose value runs past their box: what is typed there must be read whole. */
    private static final String CUT_OFF = """
            return [...document.querySelectorAll('main input:is([type=text], :not([type]))')]
              .filter((e) => e.offsetWidth > 0 && !e.closest('details:not([open])') && e.scrollWidth > e.clientWidth + 1)
              .map((e) => (e.name || e.id) + ' "' + e.value + '" is cut off');""";

    @Test
    void everyPageFitsASmallPhone() throws Exception {
        int active = ActiveModel.await();
        String reviewer = newReviewer("phonewidth");
        freshItems(2);
        driver = Browser.start();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Browser.run(driver, "phone-width-failure", () -> {
            driver.manage().window().setSize(new Dimension(375, 740));
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            assertTrue(((Number) js.executeScript("return window.innerWidth;")).intValue() <= 375, "the page is measured at phone width");
            List<String> problems = new ArrayList<>();
            for (String page : Stream.concat(ADMIN_PAGES.stream(), Stream.of("admin/models/" + active)).toList()) {
                driver.get(base + page);
                problems.addAll(problems(js, page));
            }
            // A refused name comes back in the add form: the longest demo-like name must show whole there too.
            driver.get(base + "admin/intents");
            driver.findElement(By.cssSelector("#add-intent input[name=name]")).sendKeys("product_care_instructions");
            problems.addAll(problems(js, "admin/intents with a long new name"));
            driver.manage().deleteAllCookies();
            signIn(base, reviewer, "browser-password");
            problems.addAll(problems(js, "review"));
            driver.get(base + "review/judge");
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
            problems.addAll(problems(js, "review/judge"));
            assertEquals(List.of(), problems, "pages that scroll sideways, cut text off or have controls too small to tap");
            assertEquals(List.of(), js.executeScript("""
                    return [...document.querySelectorAll('.review .choices button')].filter((b) => b.getBoundingClientRect().height < 44)
                      .map((b) => b.textContent.trim() + ': ' + b.getBoundingClientRect().height + ' px');"""), "judging choices under 44 px high");
            assertEquals(7L, js.executeScript("return document.querySelectorAll('.review .choices button').length;"), "every choice measured");
            // Undo shows once a choice is made: the one control a reviewer reaches for after a wrong tap.
            // A tap just after a ticket appears is ignored (it was meant for the one before): a person reads first.
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return document.getElementById('review').dataset.settled !== 'false';")));
            driver.findElement(By.cssSelector("[data-choice=tie]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("undo-hint")));
            assertEquals(List.of(), problems(js, "review/judge after a choice"), "controls too small to tap after a choice");
        });
    }

    private static List<String> problems(JavascriptExecutor js, String page) {
        List<String> found = new ArrayList<>();
        if (Boolean.TRUE.equals(js.executeScript("return document.documentElement.scrollWidth > window.innerWidth;"))) {
            found.add(page + ": scrolls sideways");
        }
        for (Object small : (List<?>) js.executeScript(SMALL_TARGETS)) {
            found.add(page + ": " + small);
        }
        for (Object cut : (List<?>) js.executeScript(CUT_OFF)) {
            found.add(page + ": " + cut);
        }
        return found;
    }
}
