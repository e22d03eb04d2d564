package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every text box on the admin pages writes in the page's own font and wears the same frame as the fields around it: left
 * to the browser, a textarea (the LLM's brand voice, the ticket to try) wrote in a monospace font with a thin grey frame.
 */
@QuarkusTest
class TextBoxFontBrowserTest extends BrowserTest {
    /** Each textarea whose font or frame differs from the page's text and from a text field's frame, and how. */
    private static final String ODD_BOXES = """
            const page = getComputedStyle(document.body).fontFamily;
            const field = document.querySelector('main input:not([type=hidden]):not([type=checkbox]):not([type=file])');
            const frame = field ? getComputedStyle(field).borderTopColor : null;
            return [...document.querySelectorAll('main textarea')].flatMap((box) => {
              const style = getComputedStyle(box), name = box.name || box.id;
              const odd = [];
              if (style.fontFamily !== page) odd.push(name + ' writes in ' + style.fontFamily);
              if (frame && style.borderTopColor !== frame) odd.push(name + ' has a ' + style.borderTopColor + ' frame, fields ' + frame);
              return odd;
            });""";

    @TestHTTPResource("/")
    URL base;

    @Test
    void textBoxesWriteInThePageFont() throws Exception {
        driver = Browser.start();
        List<String> odd = new ArrayList<>();
        Browser.run(driver, "text-box-font-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            int boxes = 0;
            for (String page : List.of("admin/llm", "admin/knowledge", "admin/models/try", "admin/intents", "admin/replies")) {
                driver.get(base + page);
                JavascriptExecutor js = (JavascriptExecutor) driver;
                boxes += ((Number) js.executeScript("return document.querySelectorAll('main textarea').length;")).intValue();
                for (Object found : (List<?>) js.executeScript(ODD_BOXES)) {
                    odd.add("/" + page + ": " + found);
                }
            }
            assertTrue(boxes >= 5, "the pages show their text boxes: " + boxes);
        });
        assertEquals(List.of(), odd, "text boxes unlike the page around them");
    }
}
