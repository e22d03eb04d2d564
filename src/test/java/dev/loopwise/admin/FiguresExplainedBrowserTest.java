package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import dev.loopwise.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Figures a support lead new to ML meets on a phone, each with what it means in plain words next to it: the LLM page's
 * shares (a bare dash said nothing), the agreement chart on Review quality without its Greek letter outside the fold, and
 * what a ticket is used for, named as such where a phone hides the column's heading.
 */
@QuarkusTest
class FiguresExplainedBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void theFiguresSayWhatTheyMeanWhereTheyStand() throws Exception {
        driver = Browser.start();
        Browser.run(driver, "figures-explained-failure", () -> {
            driver.manage().window().setSize(new Dimension(390, 844));
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);

            driver.get(base + "admin/llm");
            WebElement help = driver.findElement(By.id("llm-figures-help"));
            assertTrue(help.isDisplayed() && help.getText().contains("A dash: no answer asked it in that time"), help.getText());
            assertTrue(help.getText().contains("The rest: it drafted, but a library reply was rated better"),
                    "the third outcome is named too: " + help.getText());
            WebElement lastFigure = driver.findElement(By.id("llm-fell-back"));
            assertTrue(lastFigure.getRect().getY() < help.getRect().getY(), "the sentence follows the figures");
            Object outside = ((JavascriptExecutor) driver).executeScript("""
                    return ['llm-answered', 'llm-drafts', 'llm-fell-back', 'llm-figures-help']
                      .filter((id) => !document.getElementById(id).closest('.card'));""");
            assertEquals(List.of(), outside, "the last day's figures and their meaning sit in a card, as on every page");
            assertNoSidewaysScrolling("/admin/llm");

            driver.get(base + "admin/review");
            String chartHelp = driver.findElement(By.id("agreement-chart-help")).getText();
            assertFalse(chartHelp.contains("α"), "the measure's name stays in the fold: " + chartHelp);
            assertTrue(chartHelp.contains("the fold above names the measure"), chartHelp);
            assertNoSidewaysScrolling("/admin/review");

            // The newest ticket opens the list: this one, whatever other tests added before.
            long id = QuarkusTransaction.requiringNew().call(() -> {
                Ticket ticket = Ticket.of("Where is my parcel? " + UUID.randomUUID(), null, null, null, Ticket.SOURCE_IMPORT);
                ticket.persist();
                return ticket.id;
            });
            driver.get(base + "admin/tickets");
            WebElement usedFor = driver.findElement(By.xpath("//table[@id='tickets']//tr[td[1][normalize-space()='" + id + "']]/td[@class='used-for']"));
            assertEquals("nothing until it has an intent", usedFor.getText(), "an unlabelled ticket's use in words");
            assertEquals("\"used for \"", ((JavascriptExecutor) driver).executeScript(
                    "return getComputedStyle(arguments[0], '::before').content;", usedFor), "the hidden heading is said in the card");
            assertNoSidewaysScrolling("/admin/tickets");
        });
    }

    private void assertNoSidewaysScrolling(String page) {
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth <= 390;"),
                page + " needs no sideways scrolling");
    }
}
