package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A version's "Score per intent" figure, as a lead on a phone reads it: one plain sentence above the figures says what it
 * means and what to do when it is low, with links to the sections that name the weak intents; the ML term stays folded.
 */
@QuarkusTest
class ScorePerIntentBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    EntityManager em;

    @Test
    void theFigureIsExplainedInPlainWordsAboveIt() throws Exception {
        ActiveModel.await();
        // A round's version has no figures of its own (they are on its round's page): the newest trained one has.
        Number version = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "select max(version) from model_versions where lineage->'alignmentRound' is null").getSingleResult());
        driver = Browser.start();
        Browser.run(driver, "score-per-intent-failure", () -> {
            driver.manage().window().setSize(new Dimension(390, 844));
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/models/" + version.intValue());
            WebElement help = driver.findElement(By.id("score-per-intent-help"));
            String said = help.getText();
            assertTrue(help.isDisplayed() && said.startsWith("Score per intent says how well this version tells each kind of request apart")
                    && said.contains("if it is low, or far below right intent or rightly handed over,")
                    && said.contains("label more tickets of those on Tickets, then train again"), said);
            WebElement figures = driver.findElement(By.cssSelector("main .stats"));
            assertTrue(help.getRect().getY() < figures.getRect().getY(), "the sentence comes before the figures");
            String visible = driver.findElement(By.tagName("main")).getText();
            assertFalse(visible.contains("macro") || visible.contains("F1"), "the ML term stays in the fold: " + visible);
            for (WebElement link : help.findElements(By.cssSelector("a[href^='#']"))) {
                String target = link.getAttribute("href").replaceAll(".*#", "");
                assertEquals(1, driver.findElements(By.id(target)).size(), link.getText() + " leads to a section of this page");
            }
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth <= 390;"),
                    "nothing needs sideways scrolling");
        });
    }
}
