package dev.loopwise.review.judging;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewAdminMessages;
import dev.loopwise.review.ReviewApiTest;
import dev.loopwise.review.ReviewItems;
import dev.loopwise.review.ReviewerTest;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.Caller;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A reviewer's rewrite on the admin's Review page: shown beside its ticket, accepted into the library under an intent. */
@QuarkusTest
class RewriteAcceptanceTest extends ReviewerTest {
    @Test
    void anAdminSeesARewriteNextToItsTicketAndIsToldWhereAnAcceptedOneWent() {
        long id = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        Caller r = Caller.reviewer(users, keys);
        assertEquals(id, ReviewApiTest.nextId(r));
        String rewrite = "Rewritten " + UUID.randomUUID();
        r.request().contentType("application/json").body("{\"choice\":\"both_bad\",\"rewrite\":\"" + rewrite + "\"}")
                .post("/api/v1/review/" + id).then().statusCode(201);
        String ticket = QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(id).ticketText);
        Caller admin = Caller.session("admin");
        String page = admin.pageRequest().accept("text/html").get("/admin/review").then().statusCode(200).extract().asString();
        for (String count : new String[] {"-5", ""}) {
            String refused = admin.landedOn(admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded")
                    .body("count=" + count + "&csrf-token=" + admin.csrfToken()).post("/admin/review/generate"), 400);
            assertTrue(refused.contains("a whole number from 1 to 500. Nothing was made."), refused);
        }
        // Made items are announced on a page of their own (a refresh sends nothing again), saying why fewer came than asked.
        String made = admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded")
                .body("count=5&csrf-token=" + admin.csrfToken()).post("/admin/review/generate")
                .then().statusCode(303).extract().header("Location");
        assertTrue(made.contains("/admin/review?made=") && made.contains("&asked=5"), made);
        String announced = admin.pageRequest().accept("text/html").get(made).then().statusCode(200).extract().asString();
        int madeCount = Integer.parseInt(made.replaceAll(".*made=(\\d+).*", "$1"));
        assertTrue(announced.contains(ReviewAdminMessages.itemsMade(madeCount, 5, made.contains("&short=") ? made.replaceAll(".*&short=", "") : null, 5000)
                .replace("'", "&#39;")), announced);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_events where action = 'review.make_items' and target = ?1")
                .setParameter(1, madeCount + " of the 5 asked for").getSingleResult()).longValue()) >= 1);
        assertTrue(!admin.pageRequest().accept("text/html").get("/admin/review?decided=bogus").asString().contains(ReviewAdminMessages.REWRITE_DISCARDED),
                "a notice only for what happened");
        int row = page.indexOf(rewrite);
        String start = ticket.substring(0, Math.min(12, ticket.length()));
        assertTrue(row > 0 && page.lastIndexOf(start, row) > page.lastIndexOf("<tr>", row), "the ticket is in the rewrite's row");
        assertTrue(page.lastIndexOf("The model found this ticket", row) < page.lastIndexOf("<tr>", row), "its intent was predicted");
        // Had the ticket been found out of scope, the rewrite's intent is only the rewritten reply's: the admin is told to check it.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update review_items set predicted_intent = null where id = ?1")
                .setParameter(1, id).executeUpdate());
        String guessed = admin.pageRequest().accept("text/html").get("/admin/review").then().statusCode(200).extract().asString();
        int guessedRow = guessed.indexOf(rewrite);
        assertTrue(guessed.lastIndexOf("The model found this ticket", guessedRow) > guessed.lastIndexOf("<tr>", guessedRow), "flagged");
        long replyId = QuarkusTransaction.requiringNew().call(() -> Reply.<Reply>find("text", rewrite)
                .firstResult().id);
        admin.pageRequest().accept("text/html").redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("decision", "accept").formParam("csrf-token", admin.csrfToken()).post("/admin/review/rewrites/" + replyId)
                .then().statusCode(303).header("Location", endsWith("/admin/review?decided=accepted"));
        admin.pageRequest().accept("text/html").get("/admin/review?decided=accepted").then().statusCode(200)
                .body(containsString(ReviewAdminMessages.REWRITE_ACCEPTED));
        // A second rewrite with the same words would be the same reply twice: the library's own rules hold on accepting.
        long twin = QuarkusTransaction.requiringNew().call(() -> {
            Reply accepted = Reply.findById(replyId);
            Reply copy = new Reply();
            copy.intent = accepted.intent;
            copy.text = rewrite;
            copy.status = Reply.PENDING;
            copy.persist();
            return copy.id;
        });
        admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded").formParam("decision", "accept")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/review/rewrites/" + twin)
                .then().statusCode(409).body(containsString("already has this reply"));
        assertEquals(Reply.PENDING, QuarkusTransaction.requiringNew().call(
                () -> Reply.<Reply>findById(twin).status));
        // The model's intent for the ticket can be wrong: the admin files the rewrite under another one on accepting it.
        String other = "moved_" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            Intent intent = new Intent();
            intent.name = other;
            intent.description = "Where a misfiled rewrite belongs";
            intent.persist();
            // Its words may not stand under two intents: the first one is retired before the twin moves.
            Reply.<Reply>findById(replyId).status = Reply.RETIRED;
        });
        assertTrue(admin.pageRequest().accept("text/html").get("/admin/review").asString()
                .matches("(?s).*<option value=\"" + other + "\">" + other + "</option>.*"), "offered, not chosen");
        admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded").formParam("decision", "accept")
                .formParam("intent", "no such intent").formParam("csrf-token", admin.csrfToken()).post("/admin/review/rewrites/" + twin)
                .then().statusCode(400).body(containsString(ReviewAdminMessages.rewriteIntentUnknown("no such intent")
                        .replace("'", "&#39;")));
        admin.pageRequest().accept("text/html").redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("decision", "accept").formParam("intent", other).formParam("csrf-token", admin.csrfToken())
                .post("/admin/review/rewrites/" + twin).then().statusCode(303);
        Reply moved = QuarkusTransaction.requiringNew().call(() -> Reply
                .<Reply>find("from Reply r join fetch r.intent where r.id = ?1", twin).firstResult());
        assertEquals(List.of(Reply.ACTIVE, other), List.of(moved.status, moved.intent.name));
    }
}
