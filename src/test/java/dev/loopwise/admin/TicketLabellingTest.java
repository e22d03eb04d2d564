package dev.loopwise.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.ApiKeyService;
import dev.loopwise.security.Caller;
import dev.loopwise.ticket.Ticket;
import dev.loopwise.ticket.WorkspaceService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A support lead labels the tickets customers sent on the Tickets page: only the unlabelled ones, one intent each. */
@QuarkusTest
class TicketLabellingTest {
    @Inject
    ApiKeyService keys;
    @Inject
    WorkspaceService workspace;

    @Test
    void anUnlabelledTicketGetsItsIntentAndAStableSplitAndAnUnknownIntentChangesNothing() {
        String intent = "label_" + UUID.randomUUID().toString().substring(0, 8);
        String text = "my parcel came open " + UUID.randomUUID();
        workspace.saveIntent(null, intent, "tickets labelled by hand");
        try {
            labelOnThePage(intent, text);
        } finally {
            // Other tests train on the shared workspace: an intent with a single ticket must not stay behind.
            QuarkusTransaction.requiringNew().run(() -> {
                Ticket.delete("text", text);
                dev.loopwise.ticket.Intent.delete("name", intent);
            });
        }
    }

    @Test
    void aPagePastTheEndShowsTheLastOneWithTheCount() {
        String page = Caller.session("admin").pageRequest().accept("text/html").get("/admin/tickets?page=2147483647")
                .then().statusCode(200).extract().asString();
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("page (\\d+) of (\\d+)").matcher(page);
        assertTrue(shown.find(), page);
        assertEquals(shown.group(2), shown.group(1), "the last page");
        assertTrue(!page.contains("-2147483648"), page);
    }

    private void labelOnThePage(String intent, String text) {
        Caller.apiKey(keys, "admin").request().contentType("text/csv").body(("text\n" + text + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/datasets/tickets").then().statusCode(201);
        long id = QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find("text", text).firstResult().id);

        Caller admin = Caller.session("admin");
        admin.pageRequest().accept("text/html").get("/admin/tickets?unlabelled=true").then().statusCode(200)
                .body(containsString(text)).body(containsString("Show all tickets"));
        admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded").redirects().follow(false)
                .formParam("intent", "no_such_intent").formParam("page", "0").formParam("unlabelled", "true")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/tickets/" + id + "/label")
                .then().statusCode(400).body(containsString("No intent named"));
        assertNull(QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(id).intent), "a refused label changes nothing");

        admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded").redirects().follow(false)
                .formParam("intent", intent).formParam("page", "0").formParam("unlabelled", "true")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/tickets/" + id + "/label")
                .then().statusCode(303).header("Location", endsWith("/admin/tickets?page=0&unlabelled=true&labelled=" + id));
        admin.pageRequest().accept("text/html").get("/admin/tickets?page=0&unlabelled=true&labelled=" + id).then().statusCode(200)
                .body(containsString("Ticket " + id + " is labelled " + intent + "."));
        Ticket labelled = QuarkusTransaction.requiringNew().call(() -> {
            Ticket t = Ticket.<Ticket>findById(id);
            t.intent.name.length(); // loaded inside the transaction
            return t;
        });
        assertEquals(intent, labelled.intent.name);
        assertEquals(Ticket.defaultSplit(text), labelled.split, "the same split an import would have given it");
        assertTrue(labelled.split.equals("train") || labelled.split.equals("test"));
        admin.pageRequest().accept("text/html").get("/admin/tickets?unlabelled=true").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString(text)));
    }
}
