package dev.loopwise.review;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.security.Caller;
import dev.loopwise.ticket.Reply;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The review API: leases, idempotent judgements, A/B order, skips, undo, capacity of an item. */
@QuarkusTest
public class ReviewApiTest extends ReviewerTest {
    @Test
    void aJudgementIsStoredOnceInTheItemsTermsWhateverOrderItWasShownIn() {
        List<Long> items = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR);
        Caller r = reviewer();
        Response next = r.request().get("/api/v1/review/next");
        next.then().statusCode(200).body("itemId", equalTo(items.get(0).intValue())).body("candidates", hasSize(2));
        long shownFirst = ((Number) next.path("candidates[0].id")).longValue();
        ReviewItem item = QuarkusTransaction.requiringNew().call(() -> ReviewItem.findById(items.get(0)));
        String body = "{\"choice\":\"A\",\"ratings\":{\"A\":5,\"B\":2},\"durationMs\":1234}";
        r.request().contentType("application/json").body(body).post("/api/v1/review/" + item.id).then().statusCode(201);
        r.request().contentType("application/json").body(body).post("/api/v1/review/" + item.id)
                .then().statusCode(200).body("duplicate", equalTo(true));
        // Another choice, or the same one with other stars or a rewrite, is not a retry: refused, and the first one stands.
        for (String other : new String[] {"{\"choice\":\"B\"}", "{\"choice\":\"A\",\"ratings\":{\"A\":5,\"B\":1}}",
                "{\"choice\":\"A\",\"ratings\":{\"A\":5,\"B\":2},\"rewrite\":\"A better reply\"}"}) {
            r.request().contentType("application/json").body(other).post("/api/v1/review/" + item.id)
                    .then().statusCode(409).body("code", equalTo("already_judged")).body("error", containsString("undo"));
        }
        Judgement j = QuarkusTransaction.requiringNew().call(() -> Judgement.<Judgement>find("itemId", item.id).singleResult());
        assertEquals(shownFirst == item.reply1Id ? "1" : "2", j.choice, "A means the reply shown first");
        assertEquals(shownFirst == item.reply1Id ? (short) 5 : (short) 2, (short) j.rating1);
        assertEquals("A", j.shownAs);
        assertTrue(j.durationMs <= 1234);
        assertNotEquals(item.id, nextId(r), "a judged item does not come back");
        assertEquals(ReviewItem.COMPLETE, QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(item.id).status));
    }

    @Test
    void anOverlapItemGoesToAsManyReviewersAsItNeedsAndNeverTwiceToOne() {
        List<Long> items = ReviewItems.fresh(em, 1, 2, ReviewItem.OVERLAP);
        Caller first = reviewer();
        Caller second = reviewer();
        Caller third = reviewer();
        long a = ((Number) first.request().get("/api/v1/review/next").path("itemId")).longValue();
        assertEquals(a, ((Number) first.request().get("/api/v1/review/next").path("itemId")).longValue(), "a lease resumes");
        long b = ((Number) second.request().get("/api/v1/review/next").path("itemId")).longValue();
        assertEquals(items.get(0), a);
        assertEquals(a, b);
        assertNotEquals(a, nextId(third), "two live leases fill it");
        first.request().contentType("application/json").body("{\"choice\":\"tie\"}").post("/api/v1/review/" + a).then().statusCode(201);
        assertNotEquals(a, nextId(first), "never the same item twice");
        third.request().contentType("application/json").body("{\"choice\":\"B\"}").post("/api/v1/review/" + a)
                .then().statusCode(409).body("code", equalTo("not_leased"));
    }

    /** The next item's id, or -1 when nothing is waiting (new items may be made from unreviewed tickets). */
    public static long nextId(Caller caller) {
        Response next = caller.request().get("/api/v1/review/next");
        return next.statusCode() == 204 ? -1 : ((Number) next.path("itemId")).longValue();
    }

    @Test
    void badAnswersAreRefusedWithoutChangingAnything() {
        ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR);
        Caller r = reviewer();
        long id = ((Number) r.request().get("/api/v1/review/next").path("itemId")).longValue();
        r.request().contentType("application/json").body("{\"choice\":\"C\"}").post("/api/v1/review/" + id)
                .then().statusCode(400).body("code", equalTo("invalid_choice")).body("error", equalTo(ReviewMessages.INVALID_CHOICE));
        r.request().contentType("application/json").body("{\"choice\":\"A\",\"ratings\":{\"A\":9}}").post("/api/v1/review/" + id)
                .then().statusCode(400).body("code", equalTo("invalid_rating"));
        r.request().contentType("application/json").body("{\"choice\":\"A\",\"ratings\":{\"A\":1,\"B\":5}}").post("/api/v1/review/" + id)
                .then().statusCode(400).body("code", equalTo("contradictory_ratings")).body("error", containsString("rate B higher"));
        r.request().contentType("application/json").body("{\"choice\":\"skip\"}").post("/api/v1/review/" + id)
                .then().statusCode(400).body("code", equalTo("reason_required")).body("error", equalTo(ReviewMessages.SKIP_REASON_REQUIRED));
        // A tie whose stars say one reply is clearly better, or both bad with a reply rated good, is as much a slip.
        r.request().contentType("application/json").body("{\"choice\":\"tie\",\"ratings\":{\"A\":5,\"B\":1}}").post("/api/v1/review/" + id)
                .then().statusCode(400).body("code", equalTo("contradictory_ratings")).body("error", containsString("which is no tie"));
        r.request().contentType("application/json").body("{\"choice\":\"both_bad\",\"ratings\":{\"A\":5,\"B\":5}}").post("/api/v1/review/" + id)
                .then().statusCode(400).body("code", equalTo("contradictory_ratings")).body("error", containsString("rate A 5 of 5"));
        // A choice in any case is that choice, checked as such.
        r.request().contentType("application/json").body("{\"choice\":\"SKIP\"}").post("/api/v1/review/" + id)
                .then().statusCode(400).body("code", equalTo("reason_required"));
        r.request().contentType("application/json").body("{\"choice\":\"a\",\"ratings\":{\"A\":1,\"B\":5}}").post("/api/v1/review/" + id)
                .then().statusCode(400).body("code", equalTo("contradictory_ratings")).body("error", containsString("rate B higher"));
        // The stars' letters too: lower-case ones are the sides, not letters outside A and B; a side rated twice is refused.
        r.request().contentType("application/json").body("{\"choice\":\"a\",\"ratings\":{\"A\":5,\"a\":1}}").post("/api/v1/review/" + id)
                .then().statusCode(400).body("code", equalTo("invalid_rating"))
                .body("error", equalTo("Reply A is rated twice ('A' and 'a'): give its stars once."));
        r.request().contentType("application/json").body("{\"choice\":\"a\",\"ratings\":{\"a\":1,\"b\":5}}").post("/api/v1/review/" + id)
                .then().statusCode(400).body("code", equalTo("contradictory_ratings")).body("error", containsString("rate B higher"));
        // What does not go with the choice is refused, not stored beside it or dropped.
        for (String unfitting : new String[] {"{\"choice\":\"skip\",\"reason\":\"unsure\",\"ratings\":{\"A\":1,\"B\":5}}",
                "{\"choice\":\"out_of_scope\",\"rewrite\":\"We do not sell boats.\"}", "{\"choice\":\"A\",\"reason\":\"unsure\"}"}) {
            r.request().contentType("application/json").body(unfitting).post("/api/v1/review/" + id)
                    .then().statusCode(400).body("code", equalTo("not_with_choice"));
        }
        // A skip reason is shown to admins on Review quality: a direction mark would turn its line there around.
        for (String hidden : new String[] {"unsure \\u200b which", "ring\\u0007ring"}) {
            r.request().contentType("application/json").body("{\"choice\":\"skip\",\"reason\":\"" + hidden + "\"}")
                    .post("/api/v1/review/" + id).then().statusCode(400).body("code", equalTo("invalid_reason"))
                    .body("error", containsString("U+"));
        }
        r.request().contentType("application/json").body("{\"choice\":\"A\"}").post("/api/v1/review/999999999").then().statusCode(404);
        String emoji = "\uD83D\uDE00";
        r.request().contentType("application/json; charset=UTF-8").body("{\"choice\":\"A\",\"rewrite\":\"" + emoji.repeat(Submission.MAX_REWRITE + 1) + "\"}")
                .post("/api/v1/review/" + id).then().statusCode(400).body("code", equalTo("rewrite_too_long"));
        // Characters as a person counts them: 4,000 emoji are 8,000 UTF-16 units and still within the limit.
        new Submission("A", null, emoji.repeat(Submission.MAX_REWRITE), null, null).validate();
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Judgement.count("itemId", id)));
    }

    @Test
    void aSkipIsRememberedAndAnUndoHandsTheItemBack() {
        List<Long> items = ReviewItems.fresh(em, 2, 1, ReviewItem.REGULAR);
        Caller r = reviewer();
        long first = ((Number) r.request().get("/api/v1/review/next").path("itemId")).longValue();
        r.request().contentType("application/json").body("{\"choice\":\"skip\",\"reason\":\"not a support request\"}")
                .post("/api/v1/review/" + first).then().statusCode(201);
        long second = ((Number) r.request().get("/api/v1/review/next").path("itemId")).longValue();
        assertNotEquals(first, second);
        r.request().contentType("application/json").body("{\"choice\":\"both_bad\",\"rewrite\":\"\\u2060\\u200b \"}")
                .post("/api/v1/review/" + second).then().statusCode(201);
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> Judgement.<Judgement>find("itemId", second).firstResult().rewrite),
                "a rewrite of invisible characters is no rewrite");
        // One that customers could be sent with a mark reversing its text is refused now, not when an admin accepts it.
        r.request().contentType("application/json").body("{\"choice\":\"A\",\"rewrite\":\"Hi \\u202eesrever\"}")
                .post("/api/v1/review/" + second).then().statusCode(400).body("code", equalTo("invalid_text"))
                .body("error", containsString("'rewrite'")).body("error", containsString("U+202E at character 4, a right-to-left override"));
        r.request().contentType("application/json").body("{\"choice\":\"A\",\"rewrite\":\"Hi \\u200besrever\"}")
                .post("/api/v1/review/" + second).then().statusCode(400).body("code", equalTo("invalid_rewrite"))
                .body("error", containsString("U+200B at character 4"));
        r.request().contentType("application/json").post("/api/v1/review/" + second + "/undo").then().statusCode(204);
        // Hebrew with its right-to-left mark, and a side rated null (not rated), are taken.
        r.request().contentType("application/json; charset=UTF-8").body("{\"choice\":\"A\",\"ratings\":{\"A\":4,\"B\":null},"
                + "\"rewrite\":\"\u05E9\u05DC\u05D5\u05DD \u200F#4411\"}").post("/api/v1/review/" + second).then().statusCode(201);
        assertEquals("\u05E9\u05DC\u05D5\u05DD \u200F#4411", QuarkusTransaction.requiringNew().call(
                () -> Judgement.<Judgement>find("itemId", second).firstResult().rewrite));
        r.request().contentType("application/json").post("/api/v1/review/" + second + "/undo").then().statusCode(204);
        r.request().contentType("application/json").body("{\"choice\":\"both_bad\",\"rewrite\":\"A better answer.\"}")
                .post("/api/v1/review/" + second).then().statusCode(201);
        r.request().contentType("application/json").post("/api/v1/review/" + second + "/undo").then().statusCode(204);
        assertEquals(second, ((Number) r.request().get("/api/v1/review/next").path("itemId")).longValue(), "the undone item comes back");
        long pending = QuarkusTransaction.requiringNew().call(() -> Reply.count("text", "A better answer."));
        assertEquals(0, pending, "the undone rewrite is withdrawn");
        assertEquals(Set.of(first, second), new HashSet<>(items));
    }

    @Test
    void aRewriteWhoseSlotsWouldReachCustomersAsTypedIsRefusedWhenWrittenNotWhenAnAdminAccepts() {
        long id = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        Caller r = reviewer();
        assertEquals(id, ((Number) r.request().get("/api/v1/review/next").path("itemId")).longValue());
        // Accepting either into the library is refused, and the Review quality page has no way to correct a proposed reply.
        for (String[] typed : new String[][] {{"Hi there, your order {{ordr_number}} is on its way.", "{{ordr_number}} looks like {{order_number}}"},
                {"Your order { {order_number} } is on its way.", "has a space between its braces"}}) {
            r.request().contentType("application/json").body(Map.of("choice", "A", "rewrite", typed[0]))
                    .post("/api/v1/review/" + id).then().statusCode(400).body("code", equalTo("invalid_rewrite"))
                    .body("error", containsString(typed[1])).body("error", containsString("your rewrite"));
        }
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Judgement.count("itemId", id)), "nothing was stored");
        r.request().contentType("application/json").body(Map.of("choice", "A", "rewrite", "Hi, order {{order_number}} is on its way."))
                .post("/api/v1/review/" + id).then().statusCode(201);
        r.request().contentType("application/json").post("/api/v1/review/" + id + "/undo").then().statusCode(204);
    }

    @Test
    void anItemThreeReviewersSkipIsSetAsideAndAnUndoBringsItBack() {
        long id = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        String skip = "{\"choice\":\"skip\",\"reason\":\"Needs knowledge I don't have\"}";
        List<Caller> skippers = List.of(reviewer(), reviewer(), reviewer());
        for (int i = 0; i < skippers.size(); i++) {
            assertEquals(id, nextId(skippers.get(i)));
            skippers.get(i).request().contentType("application/json").body(skip).post("/api/v1/review/" + id).then().statusCode(201);
            assertEquals(i < 2 ? ReviewItem.OPEN : ReviewItem.SKIPPED, status(id), "after " + (i + 1) + " skips");
        }
        assertNotEquals(id, nextId(reviewer()), "a set-aside item is no longer handed out");
        skippers.get(2).request().contentType("application/json").post("/api/v1/review/" + id + "/undo").then().statusCode(204);
        assertEquals(ReviewItem.OPEN, status(id));
        assertEquals(id, nextId(skippers.get(2)), "handed back to the reviewer who undid the skip");
        skippers.get(2).request().contentType("application/json").body("{\"choice\":\"A\"}").post("/api/v1/review/" + id).then().statusCode(201);
        assertEquals(ReviewItem.COMPLETE, status(id), "judged at last: its judgement counts, whatever the skips before");
    }

    private static String status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(id).status);
    }
}
