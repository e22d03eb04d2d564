package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages as an accessibility audit reads them (WCAG 2.1 AA, with axe-core run in each page), on a desktop and on a
 * phone: an admin's pages, a reviewer's, sign-in and an error page; and the judging page used by keyboard alone.
 */
@QuarkusTest
class AccessibilityBrowserTest extends ReviewerBrowserTest {
    /** axe-core as Deque publishes it on Maven Central, read from that jar; its Selenium wrapper is not used. */
    private static final String AXE = resource("/axe.min.js");
    private static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
              .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact || '', help: v.help,
                nodes: v.nodes.length, first: v.nodes[0].target.join(' ') }))))
              .catch(e => done([{ id: 'axe-failed', impact: 'critical', help: String(e), nodes: 0, first: '' }]));""";
    /** Fields whose edge shows less than 3:1 against what is behind them (WCAG 1.4.11): axe does not measure edges. */
    private static final String FAINT_FIELDS = """
            const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(v => { v /= 255;
              return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const behind = (e) => { for (let n = e.parentElement; n; n = n.parentElement) { const c = getComputedStyle(n).backgroundColor;
              const parts = c.match(/[\\d.]+/g); if (parts && (parts.length < 4 || Number(parts[3]) === 1)) return c; } return 'rgb(255, 255, 255)'; };
            return [...document.querySelectorAll('input[type=text], input[type=password], input[type=url], input[type=number], input:not([type]), select, textarea')]
              .filter(e => e.offsetParent).map(e => { const a = lum(getComputedStyle(e).borderTopColor), b = lum(behind(e));
                const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                return ratio < 3 ? (e.name || e.id) + ' ' + ratio.toFixed(2) + ':1' : null; }).filter(Boolean);""";
    /** The charts' scripts have drawn them and put their figures as a table beside each (or said there is no data). */
    private static final String CHARTS_DONE = """
            return document.readyState === 'complete' && [...document.querySelectorAll('canvas[data-signal], #agreement-chart')]
              .every(c => c.closest('.chart, .card').querySelector('.chart-figures'));""";
    /** Rules these pages once broke at a lower impact than serious (landmarks, table headers): they stay at none. */
    private static final Set<String> KEPT_AT_NONE = Set.of("landmark-unique", "empty-table-header");

    WebDriverWait wait;
    String reviewer;

    @BeforeEach
    void setUp() throws Exception {
        ActiveModel.await();
        reviewer = newReviewer("a11y");
        ReviewItems.fresh(em, 10, 1, ReviewItem.REGULAR);
        driver = Browser.start();
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @Test
    void noPageHasASeriousOrCriticalViolationOnADesktopOrAPhone() {
        int version = ActiveModel.await();
        List<String> found = new ArrayList<>();
        Browser.run(driver, "accessibility-failure", () -> {
            for (Dimension screen : List.of(new Dimension(1280, 1000), new Dimension(390, 844))) {
                driver.manage().window().setSize(screen);
                String width = screen.getWidth() + " px ";
                driver.manage().deleteAllCookies();
                driver.get(base + "login");
                audit(width + "/login", found);
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                for (String page : List.of("/admin", "/admin/tickets", "/admin/import", "/admin/intents", "/admin/replies",
                        "/admin/knowledge", "/admin/models", "/admin/models/" + version, "/admin/models/try", "/admin/review",
                        "/admin/rounds", "/admin/drift", "/admin/llm", "/admin/users", "/admin/audit", "/account", "/admin/models/999999")) {
                    driver.get(base + page.substring(1));
                    audit(width + page, found);
                }
                driver.manage().deleteAllCookies();
                signIn(base, reviewer, "browser-password");
                for (String page : List.of("/review", "/account", "/admin")) {
                    driver.get(base + page.substring(1));
                    audit(width + "reviewer " + page, found);
                }
                driver.get(base + "review/judge");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
                audit(width + "/review/judge", found);
                Browser.keys(driver, "s");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("skip-box")));
                audit(width + "/review/judge, skip reasons open", found);
            }
        });
        assertEquals(List.of(), found, "accessibility violations (axe-core " + axeVersion() + ")");
    }

    @Test
    void aReviewerJudgesSkipsAndTurnsShortcutsOffWithTheKeyboardAlone() {
        Browser.run(driver, "accessibility-keyboard-failure", () -> {
            driver.get(base + "login");
            // The username field has the focus.
            newPageAfter(() -> Browser.keys(driver, reviewer, Keys.TAB, "browser-password", Keys.ENTER));
            wait.until(ExpectedConditions.urlContains("/review"));
            Browser.keys(driver, Keys.ENTER);                                      // and then Start reviewing
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));

            Browser.keys(driver, Keys.TAB);
            assertEquals("Skip to content", focused().getText(), "the first Tab offers to pass the menu");
            assertTrue(focused().getRect().getY() >= 0 && focused().isDisplayed(), "and shows where it is");
            tabTo("[data-choice=A]");
            Browser.keys(driver, Keys.ENTER);
            Browser.waitFor(wait, "today", "1");

            tabTo("[data-action=skip]");
            Browser.keys(driver, Keys.ENTER);
            assertEquals(ReviewMessages.SKIP_REASONS.get(0), focused().getAttribute("data-reason"), "the first reason has the focus");
            Browser.keys(driver, Keys.ENTER);
            Browser.waitFor(wait, "message", ReviewMessages.REVIEW_SKIPPED);
            // The message shows as the next ticket loads; the focus moves once it is there.
            new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage("the focus is on the next ticket's first choice, not at the top")
                    .until(d -> "A".equals(focused().getAttribute("data-choice")));

            tabTo("#shortcuts");
            Browser.keys(driver, " ");
            assertFalse(driver.findElement(By.id("shortcuts")).isSelected());
            assertFalse(driver.findElement(By.cssSelector("[data-choice=A] kbd")).isDisplayed(), "the key hints go with the keys");
            Browser.keys(driver, "a");                                             // as speech input might type it
            pause(Duration.ofSeconds(1));                                          // time enough for an answer to be sent
            driver.navigate().refresh();                                           // the setting stays, in this browser
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
            assertEquals("1", Browser.text(driver, "today"), "a letter alone answered nothing");
            assertFalse(driver.findElement(By.id("shortcuts")).isSelected());
            tabTo("[data-choice=B]");
            Browser.keys(driver, Keys.ENTER);                                      // buttons still answer
            Browser.waitFor(wait, "today", "2");
        });
    }

    /** Tabs until the element matching {@code css} has the focus; every stop on the way shows where the focus is. */
    private void tabTo(String css) {
        for (int stop = 0; stop < 30; stop++) {
            Browser.keys(driver, Keys.TAB);
            Object shown = script("const e = document.activeElement, s = getComputedStyle(e);"
                    + " return e.matches(':focus-visible') && (s.outlineStyle !== 'none' || s.boxShadow !== 'none');");
            assertEquals(Boolean.TRUE, shown, "a visible focus on " + focused().getTagName() + " " + focused().getText());
            if ((Boolean) script("return document.activeElement.matches(arguments[0]);", css)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + css);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private org.openqa.selenium.WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Runs axe-core on the page as it is, with its folds open, and notes what fails. */
    private void audit(String page, List<String> found) {
        wait.until(d -> Boolean.TRUE.equals(script(CHARTS_DONE)));
        script("document.querySelectorAll('details').forEach(d => d.open = true);");
        script(AXE);
        for (Object each : (List<?>) ((JavascriptExecutor) driver).executeAsyncScript(RUN_AXE)) {
            Map<?, ?> v = (Map<?, ?>) each;
            if (Set.of("serious", "critical").contains(v.get("impact")) || KEPT_AT_NONE.contains(v.get("id"))) {
                found.add(page + ": " + v.get("id") + " (" + v.get("impact") + ", " + v.get("nodes") + " elements, the first "
                        + v.get("first") + "): " + v.get("help"));
            }
        }
        List<?> faint = (List<?>) script(FAINT_FIELDS);
        if (!faint.isEmpty()) {
            found.add(page + ": the edges of " + faint.size() + " fields are too faint (3:1 at least), the first " + faint.get(0));
        }
    }

    private String axeVersion() {
        return String.valueOf(script("return window.axe ? axe.version : '?';"));
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    private static String resource(String name) {
        try (InputStream in = AccessibilityBrowserTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
