package dev.loopwise.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.ticket.Intent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refused "Make it an intent" form shows the Drift page again with that alert's fold open, the refusal at its top, and
 * the name, description and ticks as the lead left them: nothing typed is lost.
 */
@QuarkusTest
class TopicFormRefusalTest {
    @Inject
    EntityManager em;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> examples = List.of("Does the warranty cover the battery " + tag + "?",
            "The power bank shows offline " + tag + ".", "Can I mount the panel on a balcony " + tag + "?");
    private long report;

    @BeforeEach
    void anAlertWithANewTopic() {
        int version = ActiveModel.await();
        String evidence = "{\"newTopics\": [{\"size\": 40, \"examples\": [\"" + String.join("\", \"", examples) + "\"]}]}";
        report = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into drift_reports"
                + " (model_version, requests, signals) values (?1, 200, '{}') returning id").setParameter(1, version).getSingleResult()).longValue());
        // Dated ahead, so that it is among the alerts the page lists whatever other tests left.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into drift_alerts (report_id, model_version, signal,"
                + " value, threshold, message, evidence, created_at) values (?1, ?2, 'new_topic', 40, 20, 'A new topic " + tag + "',"
                + " cast(?3 as jsonb), now() + interval '1 day')").setParameter(1, report).setParameter(2, version)
                .setParameter(3, evidence).executeUpdate());
    }

    @AfterEach
    void removeTheAlert() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from drift_alerts where report_id = ?1").setParameter(1, report).executeUpdate();
            em.createNativeQuery("delete from drift_reports where id = ?1").setParameter(1, report).executeUpdate();
        });
    }

    @Test
    void aRefusedNameShowsTheFoldOpenWithWhatWasTypedAndWhy() {
        Caller admin = Caller.session("admin");
        String name = "solar & \"panels\" <" + tag + ">"; // & " < > are not allowed in a name, and must come back escaped
        RequestSpecification form = admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("name", name).formParam("description", "Warranty of the new solar kit " + tag)
                .formParam("example", examples.get(0)).formParam("example", examples.get(2));
        examples.forEach(e -> form.formParam("shown", e));
        String page = form.formParam("csrf-token", admin.csrfToken()).post("/admin/drift/topics").then().statusCode(400).extract().asString();

        String fold = foldOf(page);
        assertTrue(fold.startsWith("<details class=\"label-topic\" open>"), "the alert's fold is open: " + fold);
        int error = fold.indexOf("<p class=\"alert error\" id=\"drift-error\" role=\"alert\">");
        assertTrue(error > 0 && error < fold.indexOf("<form"), "the refusal at the top of the fold: " + fold);
        assertTrue(fold.contains("&#39;&amp;&#39; cannot be in an intent name"), "it says why: " + fold);
        assertEquals(1, page.split("id=\"drift-error\"", -1).length - 1, "said once, in the fold, not at the page's top too");
        assertTrue(fold.contains("value=\"solar &amp; &quot;panels&quot; &lt;" + tag + "&gt;\" autofocus"), "the name typed, to fix: " + fold);
        assertTrue(fold.contains("value=\"Warranty of the new solar kit " + tag + "\""), "the description typed: " + fold);
        assertTrue(fold.contains("value=\"" + examples.get(0) + "\" checked>") && fold.contains("value=\"" + examples.get(2) + "\" checked>"),
                "the ticked examples stay ticked: " + fold);
        assertTrue(fold.contains("value=\"" + examples.get(1) + "\">"), "the unticked one stays unticked: " + fold);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Intent.findByName(name).isEmpty()), "nothing written");
    }

    @Test
    void noExampleTickedStillShowsTheRefusalInThatAlertsFold() {
        Caller admin = Caller.session("admin");
        String name = "solar_" + tag;
        RequestSpecification form = admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("name", name).formParam("description", "Warranty of the new solar kit");
        examples.forEach(e -> form.formParam("shown", e));
        String page = form.formParam("csrf-token", admin.csrfToken()).post("/admin/drift/topics").then().statusCode(400).extract().asString();

        String fold = foldOf(page);
        assertTrue(fold.startsWith("<details class=\"label-topic\" open>") && fold.contains("Tick at least one example"), fold);
        assertTrue(fold.contains("value=\"" + name + "\" autofocus"), fold);
        examples.forEach(e -> assertTrue(fold.contains("value=\"" + e + "\">"), "none ticked, as sent: " + fold));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Intent.findByName(name).isEmpty()), "nothing written");
    }

    /** This test's alert's "Make it an intent" fold, as the page shows it. */
    private String foldOf(String page) {
        int example = page.indexOf("“" + examples.get(2) + "”");
        assertTrue(example > 0, "the alert is listed: " + page);
        int start = page.indexOf("<details class=\"label-topic\"", example);
        return page.substring(start, page.indexOf("</details>", start));
    }
}
