package dev.loopwise.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * What a support lead at the keyboard alone, or with a screen reader, meets on a page: its outline (one h1, a main
 * landmark, a language, a title naming the page, a first Tab that skips the menu to a target that exists), a name for
 * every control, and a Tab that shows where it is and goes down the page in the order it is seen.
 */
public final class KeyboardAudit {
    /** Most stops on any admin page (a page of tickets has about 120): more means the Tab never left the page. */
    private static final int MOST_STOPS = 400;
    /** A control beside another on its row may start a few pixels higher, as a button is taller than a field. */
    private static final double SAME_ROW_PX = 8;
    private static final String OUTLINE = """
            const skip = document.querySelector('a.skip-link');
            const target = skip && skip.getAttribute('href').startsWith('#') ? document.getElementById(skip.getAttribute('href').slice(1)) : null;
            const first = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
              .find((e) => e.tabIndex >= 0 && !e.disabled && e.type !== 'hidden');
            return { h1: document.querySelectorAll('h1').length, main: document.querySelectorAll('main').length,
              nav: document.querySelectorAll('nav').length, lang: document.documentElement.lang, title: document.title,
              skip: !!skip && first === skip, target: !!target && target.tagName === 'MAIN',
              h1text: (document.querySelector('h1') || { textContent: '' }).textContent.trim() };""";
    private static final String STOP = """
            const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
            const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
            return { body: e === document.body, shown: e.matches(':focus-visible') && ring && r.width > 0 && r.height > 0,
              y: r.top + window.scrollY, x: r.left + window.scrollX,
              what: e.tagName.toLowerCase() + (e.name ? '[name=' + e.name + ']' : '') + ' "' + (e.textContent || '').trim().slice(0, 40) + '"' };""";

    private KeyboardAudit() {
    }

    /** What is wrong with the page's outline and its controls' names, each as a sentence naming {@code page}. */
    public static List<String> outline(WebDriver driver, String page) {
        List<String> found = new ArrayList<>();
        Map<?, ?> o = (Map<?, ?>) js(driver, OUTLINE);
        check(found, page, Long.valueOf(1).equals(o.get("h1")), "has " + o.get("h1") + " h1 headings, not one");
        check(found, page, Long.valueOf(1).equals(o.get("main")), "has " + o.get("main") + " main landmarks, not one");
        check(found, page, !Long.valueOf(0).equals(o.get("nav")), "has no nav landmark");
        check(found, page, "en".equals(o.get("lang")), "has no lang on <html>");
        String title = String.valueOf(o.get("title"));
        check(found, page, !title.startsWith("Loopwise ·") && title.endsWith("· Loopwise"), "has a title that names no page: " + title);
        check(found, page, Boolean.TRUE.equals(o.get("skip")), "does not offer a skip link at the first Tab");
        check(found, page, Boolean.TRUE.equals(o.get("target")), "has a skip link whose target is not the main landmark");
        for (WebElement control : driver.findElements(By.cssSelector(
                "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])"))) {
            if (control.isDisplayed() && control.getAccessibleName().isBlank()) {
                found.add(page + ": a control has no accessible name: " + control.getAttribute("outerHTML"));
            }
        }
        return found;
    }

    /**
     * Tabs from the top of the page to its end: every stop must show a focus ring and sit no higher on the page than
     * the one before (the order it is seen in); what is wrong comes back as sentences naming {@code page}. The page
     * is fresh, with nothing focused yet.
     */
    public static List<String> tabThrough(WebDriver driver, String page) {
        List<String> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<?, ?> previous = null;
        for (int stop = 0; stop < MOST_STOPS; stop++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            Map<?, ?> now = (Map<?, ?>) js(driver, STOP);
            String where = now.get("what") + " at " + Math.round(number(now, "y"));
            if (Boolean.TRUE.equals(now.get("body")) || !seen.add(where)) {
                return found;
            }
            check(found, page, Boolean.TRUE.equals(now.get("shown")), "the focus on " + where + " does not show");
            if (previous != null && number(now, "y") + SAME_ROW_PX < number(previous, "y")) {
                found.add(page + ": Tab goes back up the page, from " + previous.get("what") + " at " + Math.round(number(previous, "y"))
                        + " to " + where);
            }
            previous = now;
        }
        found.add(page + ": Tab never reached the end of the page");
        return found;
    }

    private static void check(List<String> found, String page, boolean holds, String otherwise) {
        if (!holds) {
            found.add(page + ": " + otherwise);
        }
    }

    private static double number(Map<?, ?> values, String key) {
        return ((Number) values.get(key)).doubleValue();
    }

    private static Object js(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}
