package dev.loopwise.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The form that makes a new topic an intent opens in the alerts table's examples column at desktop width: its fields,
 * examples and button stay readable there (they were squeezed to a few letters a line), a missing description is asked
 * for before sending, and a refusal by the server shows the fold open again with what was typed.
 */
@QuarkusTest
class TopicFormBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    EntityManager em;

    @Test
    void theNewTopicFormReadsWholeWordsAndKeepsTheNameWhenTheDescriptionIsMissing() throws Exception {
        int version = ActiveModel.await();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String evidence = "{\"newTopics\": [{\"size\": 40, \"examples\": [\"Does the warranty cover the battery or only the panel " + tag
                + "?\", \"The power bank paired once but now shows offline in the app " + tag + ".\"]}]}";
        long report = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into drift_reports"
                + " (model_version, requests, signals) values (?1, 200, '{}') returning id").setParameter(1, version).getSingleResult()).longValue());
        // Dated ahead, so that it is the newest alert the page lists whatever other tests left.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into drift_alerts (report_id, model_version, signal,"
                + " value, threshold, message, evidence, created_at) values (?1, ?2, 'new_topic', 40, 20, 'A new topic " + tag + "',"
                + " cast(?3 as jsonb), now() + interval '1 day')").setParameter(1, report).setParameter(2, version)
                .setParameter(3, evidence).executeUpdate());
        driver = Browser.start();
        try {
            Browser.run(driver, "topic-form-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/drift");
                JavascriptExecutor js = (JavascriptExecutor) driver;
                assertTrue(((Number) js.executeScript("return window.innerWidth;")).longValue() >= 1260, "a desktop's width");
                WebElement fold = driver.findElements(By.cssSelector("details.label-topic")).stream()
                        .filter(d -> d.getAttribute("innerHTML").contains(tag)).findFirst().orElseThrow();
                fold.findElement(By.tagName("summary")).click();
                @SuppressWarnings("unchecked")
                Map<String, Object> sizes = (Map<String, Object>) js.executeScript("""
                        const form = arguments[0].querySelector('form');
                        const lineHeight = parseFloat(getComputedStyle(form).lineHeight);
                        const button = form.querySelector('button');
                        return { button: button.getBoundingClientRect().height / lineHeight,
                          narrowest: Math.min(...[...form.querySelectorAll('label, p')].map(e => e.getBoundingClientRect().width)),
                          gap: arguments[0].getBoundingClientRect().top - arguments[0].previousElementSibling.getBoundingClientRect().bottom };""",
                        fold);
                assertTrue(((Number) sizes.get("button")).doubleValue() < 3, "the button's words on one or two lines: " + sizes);
                assertTrue(((Number) sizes.get("narrowest")).doubleValue() > 200, "each field and example as wide as its column: " + sizes);
                assertTrue(((Number) sizes.get("gap")).doubleValue() < 30, "no blank line between the examples and the fold: " + sizes);

                fold.findElement(By.name("name")).sendKeys("solar_" + tag);
                samePageAfter(() -> fold.findElement(By.cssSelector("button[type=submit]")).click());
                assertTrue(driver.getCurrentUrl().endsWith("/admin/drift"), "not sent without a description: " + driver.getCurrentUrl());
                assertEquals("solar_" + tag, fold.findElement(By.name("name")).getAttribute("value"), "the name typed is kept");
                assertTrue(!Boolean.TRUE.equals(js.executeScript("return arguments[0].checkValidity();",
                        fold.findElement(By.name("description")))), "the description is what the browser asks for");

                // Refused by the server (a character names do not allow): the page comes back with this fold open, the
                // refusal at its top, and everything as the lead left it.
                fold.findElement(By.name("name")).sendKeys(" & co");
                fold.findElement(By.name("description")).sendKeys("Warranty of the solar kit");
                fold.findElements(By.name("example")).get(1).click();
                clickAndWaitForNewPage(fold.findElement(By.cssSelector("button[type=submit]")));
                WebElement refused = driver.findElements(By.cssSelector("details.label-topic")).stream()
                        .filter(d -> d.getAttribute("innerHTML").contains(tag)).findFirst().orElseThrow();
                assertTrue(refused.getAttribute("open") != null, "the fold is open again");
                WebElement error = refused.findElement(By.id("drift-error"));
                assertTrue(error.isDisplayed() && error.getText().contains("cannot be in an intent name"), error.getText());
                assertEquals("solar_" + tag + " & co", refused.findElement(By.name("name")).getAttribute("value"), "the name typed");
                assertEquals("Warranty of the solar kit", refused.findElement(By.name("description")).getAttribute("value"));
                List<WebElement> ticks = refused.findElements(By.name("example"));
                assertTrue(ticks.get(0).isSelected() && !ticks.get(1).isSelected(), "the ticks as left");
                assertEquals(refused.findElement(By.name("name")), driver.switchTo().activeElement(), "the name is where typing goes on");
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from drift_alerts where report_id = ?1").setParameter(1, report).executeUpdate();
                em.createNativeQuery("delete from drift_reports where id = ?1").setParameter(1, report).executeUpdate();
            });
        }
    }
}
