package dev.loopwise.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.PagingMessages;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Ticket;
import dev.loopwise.ticket.WorkspaceService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
                Intent.delete("name", intent);
            });
        }
    }

    @Test
    void olderAndNewerLinksFollowTheIdsAndAPagePastTheEndLeadsBack() {
        String tag = "pager " + UUID.randomUUID().toString().substring(0, 8);
        // 60 unlabelled tickets newer than any other: the first page of the unlabelled is 50 of them, the next the other 10.
        QuarkusTransaction.requiringNew().run(() -> Ticket.getEntityManager().createNativeQuery("""
                insert into tickets (text, text_hash, source)
                select ?1 || ' ' || n, encode(sha256(convert_to(?1 || ' ' || n, 'UTF8')), 'hex'), 'import' from generate_series(1, 60) n""")
                .setParameter(1, tag).executeUpdate());
        try {
            List<Long> mine = QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find("text like ?1 order by id desc", tag + "%")
                    .list().stream().map(t -> t.id).toList());
            Caller admin = Caller.session("admin");
            String first = admin.pageRequest().accept("text/html").get("/admin/tickets?unlabelled=true").then().statusCode(200)
                    .extract().asString();
            assertTrue(first.contains(row(mine.get(0))) && first.contains(row(mine.get(49))) && !first.contains(row(mine.get(50))), first);
            assertTrue(first.contains("the newest tickets") && !first.contains("← Newer"), first);
            String olderLink = "/admin/tickets?before=" + mine.get(49) + "&unlabelled=true";
            assertTrue(first.contains("href=\"" + olderLink + "\""), first);

            String older = admin.pageRequest().accept("text/html").get(olderLink).then().statusCode(200).extract().asString();
            assertTrue(older.contains(row(mine.get(50))) && older.contains(row(mine.get(59))) && !older.contains(row(mine.get(49))), older);
            // Labelling here comes back to this very page: the form sends the cursor that shows it.
            assertTrue(older.contains("name=\"before\" value=\"" + (mine.get(50) + 1) + "\""), older);
            String newerLink = "/admin/tickets?after=" + mine.get(50) + "&unlabelled=true";
            assertTrue(older.contains("href=\"" + newerLink + "\"") && older.contains(">Newest</a>"), older);
            String newer = admin.pageRequest().accept("text/html").get(newerLink).then().statusCode(200).extract().asString();
            assertTrue(newer.contains(row(mine.get(0))) && newer.contains(row(mine.get(49))) && !newer.contains(row(mine.get(50))), newer);

            // A cursor past the end (a typed address, or tickets labelled away meanwhile) shows an empty page and the way back.
            String past = admin.pageRequest().accept("text/html").get("/admin/tickets?before=1").then().statusCode(200).extract().asString();
            assertTrue(past.contains("No tickets here.") && past.contains("href=\"/admin/tickets\">Newest</a>"), past);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Ticket.delete("text like ?1", tag + "%"));
        }
    }

    @Test
    void olderAndNewerAtOnceAreRefusedSayingToGiveOne() {
        Caller admin = Caller.session("admin");
        // Which page both would mean is anyone's guess: the address is refused, saying what each one does.
        // A page's address answers a page to a browser and to curl's */* alike.
        for (String accept : new String[] {"text/html", "*/*"}) {
            String page = admin.pageRequest().accept(accept).get("/admin/tickets?after=10&before=20&unlabelled=true").then()
                    .statusCode(400).contentType(containsString("text/html")).extract().asString();
            assertTrue(page.contains(PagingMessages.beforeOrAfter("before", "after")), page);
        }
        // Either one alone, or one sent empty (as a form sends it), is a page as before.
        admin.pageRequest().accept("text/html").get("/admin/tickets?before=20&after=").then().statusCode(200);
        admin.pageRequest().accept("text/html").get("/admin/tickets?before=&after=10").then().statusCode(200);
    }

    private static String row(long id) {
        return "<td class=\"num\">" + id + "</td>";
    }

    private void labelOnThePage(String intent, String text) {
        Caller.apiKey(keys, "admin").request().contentType("text/csv").body(("text\n" + text + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/datasets/tickets").then().statusCode(201);
        long id = QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find("text", text).firstResult().id);

        Caller admin = Caller.session("admin");
        admin.pageRequest().accept("text/html").get("/admin/tickets?unlabelled=true").then().statusCode(200)
                .body(containsString(text)).body(containsString("Show all tickets"));
        admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded").redirects().follow(false)
                .formParam("intent", "no_such_intent").formParam("before", "").formParam("unlabelled", "true")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/tickets/" + id + "/label")
                .then().statusCode(400).body(containsString("No intent named"));
        assertNull(QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(id).intent), "a refused label changes nothing");

        admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded").redirects().follow(false)
                .formParam("intent", intent).formParam("before", "").formParam("unlabelled", "true")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/tickets/" + id + "/label")
                .then().statusCode(303).header("Location", endsWith("/admin/tickets?unlabelled=true&labelled=" + id));
        admin.pageRequest().accept("text/html").get("/admin/tickets?unlabelled=true&labelled=" + id).then().statusCode(200)
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
        // Labelling it again with the intent it has changes nothing and adds no entry to the audit log.
        workspace.labelTicket(id, intent);
        long entries = QuarkusTransaction.requiringNew().call(() -> ((Number) Ticket.getEntityManager().createNativeQuery(
                "select count(*) from audit_events where action = 'ticket.label' and target = ?1").setParameter(1, "ticket " + id)
                .getSingleResult()).longValue());
        assertEquals(1, entries, "one entry for the one change");
    }

    /** A ticket shown as checking the model is learned from while its intent has too few others: the page says so. */
    @Test
    void thePageSaysWhenATicketKeptAsideIsLearnedFromAfterAll() {
        String page = Caller.session("admin").request().accept("text/html").get("/admin/tickets").then().statusCode(200).extract().asString();
        assertTrue(page.contains("unless their intent has fewer than two others to learn from: training then learns from them too"), page);
    }
}
