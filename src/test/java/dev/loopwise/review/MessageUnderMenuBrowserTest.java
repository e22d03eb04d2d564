package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import io.quarkus.test.junit.QuarkusTest;
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
 * On a laptop (1366×768), a tablet held either way (1024×768, 768×1024) and a phone (390×844), what a choice did shows
 * under the menu, never over it: fixed to the top of the window it hid the menu while it showed. Scrolled down to the
 * choices, it is still on screen; on all of them it leaves the figures, the undo button and the next customer ticket
 * uncovered, and a tap at the undo button's centre reaches the button: laid over the item on a narrow screen, it hid
 * the ticket's first lines while the reviewer read them.
 */
@QuarkusTest
class MessageUnderMenuBrowserTest extends ReviewerBrowserTest {
    private static final String PLACES = """
            const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
            const shown = [...document.querySelectorAll('.review .counters > *')].filter((e) => !e.hidden);
            return [box(document.getElementById('message')), box(document.querySelector('header.topbar')), window.innerHeight,
                shown.map(box), box(document.getElementById('ticket-text'))];""";

    /** True when a tap at the undo button's centre reaches it; else what is there instead. */
    private static final String UNDO_ON_TOP = """
            const undo = document.getElementById('undo-hint'), r = undo.getBoundingClientRect();
            const there = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
            return undo.contains(there) || (there ? there.outerHTML.slice(0, 120) : 'nothing');""";

    @Test
    void aRefusalStandsUnderTheMenuOnALaptopATabletAndAPhone() throws Exception {
        ActiveModel.await();
        String reviewer = newReviewer("undermenu");
        freshItems(4);
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Browser.run(driver, "message-under-menu-failure", () -> {
            signIn(base, reviewer, "browser-password");
            for (Dimension screen : List.of(new Dimension(1366, 768), new Dimension(1024, 768), new Dimension(768, 1024),
                    new Dimension(390, 844))) {
                driver.manage().window().setSize(screen);
                driver.get(base + "review/judge");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
                Browser.keys(driver, "r");
                // Longer than the box allows: only a pasted script gets past its limit, but the server's answer is what shows.
                script("document.getElementById('rewrite').value = 'x'.repeat(4100);");
                driver.findElement(By.cssSelector("[data-choice=A]")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
                script("window.scrollTo(0, 0);");
                List<?> top = (List<?>) script(PLACES);
                double messageTop = edge(top.get(0), 1);
                double menuBottom = edge(top.get(1), 3);
                assertTrue(messageTop >= menuBottom, screen + ": the message starts at " + messageTop
                        + " px, over the menu that ends at " + menuBottom + " px");
                script("window.scrollTo(0, document.documentElement.scrollHeight);");
                List<?> down = (List<?>) script(PLACES);
                double height = ((Number) down.get(2)).doubleValue();
                assertTrue(edge(down.get(0), 1) >= 0 && edge(down.get(0), 3) <= height, screen + ": scrolled down, the message spans "
                        + edge(down.get(0), 1) + "–" + edge(down.get(0), 3) + " px of " + height);
                // A choice that is saved: its notice comes with the undo button, which must stay in reach on both.
                driver.findElement(By.id("message")).click();
                script("document.getElementById('rewrite').value = '';");
                // To the choices, as a reviewer goes: scrolled to the foot (the link to My judgements is there), the choices can
                // sit at the top of the window, under the message standing there.
                WebElement tie = driver.findElement(By.cssSelector("[data-choice=tie]"));
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", tie);
                tie.click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("undo-hint")));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
                // The first choice that leaves the queue as long as before adds that it was topped up: the longest notice.
                script("const m = document.getElementById('message'), said = document.getElementById('review').dataset.toppedUp;"
                        + " if (!m.textContent.includes(said)) m.textContent += ' ' + said;");
                script("window.scrollTo(0, 0);");
                List<?> saved = (List<?>) script(PLACES);
                Object onTop = script(UNDO_ON_TOP);
                assertTrue(Boolean.TRUE.equals(onTop), screen + ": at the undo button's centre the browser finds " + onTop
                        + ", not the button, while the notice " + saved.get(0) + " shows");
                Object notice = saved.get(0);
                for (Object figure : (List<?>) saved.get(3)) {
                    assertTrue(apart(figure, notice), screen + ": the notice " + notice + " covers a figure or the undo button " + figure);
                }
                assertTrue(apart(saved.get(4), notice), screen + ": the notice " + notice + " covers the customer ticket " + saved.get(4));
            }
        });
    }

    private Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** True when the two boxes (left, top, right, bottom) share no pixel. */
    private static boolean apart(Object one, Object other) {
        return edge(one, 2) <= edge(other, 0) || edge(one, 0) >= edge(other, 2) || edge(one, 3) <= edge(other, 1)
                || edge(one, 1) >= edge(other, 3);
    }

    private static double edge(Object box, int which) {
        return ((Number) ((List<?>) box).get(which)).doubleValue();
    }
}
