package dev.loopwise.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.ScratchIntents;
import dev.loopwise.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** A new topic's requests become a new intent in one step, and the next page asks for its first reply. */
@QuarkusTest
class TopicLabellingTest {

    @Test
    void aNewTopicBecomesAnIntentWithItsExamplesThenAskForAReply() {
        Caller admin = Caller.session("admin");
        String name = "solar panels " + System.nanoTime() % 100000; // intent names may hold spaces: the address encodes them
        Response response = admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("name", name).formParam("description", "Questions about the new solar panels")
                .formParam("example", "does the solar panel kit work in winter " + name)
                .formParam("example", "how many watts is the balcony solar panel " + name)
                .formParam("example", "  ")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/drift/topics");
        assertEquals(303, response.statusCode(), response.asString());
        String location = response.header("Location");
        assertTrue(location.contains("/admin/replies?intent=" + name.replace(" ", "%20") + "&labelled=2&created=true"), location);
        long tickets = QuarkusTransaction.requiringNew().call(() -> Ticket.count("intent.name = ?1 and source = 'drift'", name));
        assertEquals(2, tickets);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Intent.findByName(name).isPresent()));

        String page = admin.request().urlEncodingEnabled(false).accept("text/html").get(location).then().statusCode(200).extract().asString();
        assertTrue(page.contains("New intent ") && page.contains(name) && page.contains("with 2 labelled tickets."), page);
        // The Overview asks for 5 tickets of a new intent before training: the step after labelling a topic says so too.
        assertTrue(page.contains("Next: label at least 3 more of its tickets on Tickets (a new intent needs 5 to be learned from),"
                + " write its first reply below, then train a new version on Models"), page);
        assertTrue(page.contains("value=\"" + name + "\" selected"), "the new intent is preselected");

        admin.request().accept("text/html").contentType("application/x-www-form-urlencoded").formParam("name", name + "_x")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/drift/topics")
                .then().statusCode(400);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Intent.findByName(name + "_x").isEmpty()), "nothing half-written");
        ScratchIntents.deleteWithTickets(name); // other tests train on the workspace and list its intents
    }

    @Test
    void anExampleHoldingAControlCharacterIsRefusedAsTheImportRefusesItAndNothingIsWritten() {
        Caller admin = Caller.session("admin");
        String name = "solar bells " + System.nanoTime() % 100000;
        String page = refusedTopic(admin, name, "ring\u0007ring, my solar panel " + name);
        assertTrue(page.contains("ringU+0007ring") && page.contains("U+0007 at character 5"), page);
        assertTrue(page.contains("<p class=\"alert error\" id=\"drift-error\" role=\"alert\">"), "shown as an error: " + page);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Intent.findByName(name).isEmpty()), "no intent half-written");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Ticket.count("text like ?1", "%" + name)));
    }

    @Test
    void anExampleLongerThanServingAnswersIsRefusedAsTheImportRefusesItAndNothingIsWritten() {
        Caller admin = Caller.session("admin");
        String name = "solar essays " + System.nanoTime() % 100000;
        String page = refusedTopic(admin, name, name + " " + "w".repeat(4_001));
        assertTrue(page.contains("characters, and Loopwise answers requests of at most 4,000 (LOOPWISE_SERVING_MAX_TEXT_LENGTH)")
                && page.contains("Nothing was labelled."), page);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Intent.findByName(name).isEmpty()), "no intent half-written");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Ticket.count("text like ?1", "%" + name + "%")));
    }

    /** Labels a new topic {@code name} with one good example and {@code badExample}; answers the refusal's page. */
    private static String refusedTopic(Caller admin, String name, String badExample) {
        return admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("name", name).formParam("description", "Questions about the new solar panels")
                .formParam("example", "is the solar kit waterproof " + name)
                .formParam("example", badExample)
                .formParam("csrf-token", admin.csrfToken()).post("/admin/drift/topics")
                .then().statusCode(400).extract().asString();
    }
}
