package dev.loopwise.review;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.Caller;
import dev.loopwise.ticket.Reply;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** An undo is only for a choice just made: outside its window it is refused, and says how late it came. */
@QuarkusTest
class UndoWindowTest extends ReviewerTest {
    @Inject
    ReviewAdminService admin;

    @Test
    void anUndoAfterTheWindowIsRefusedAndSaysHowLateItIs() {
        long id = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        Caller r = reviewer();
        r.request().contentType("application/json").post("/api/v1/review/" + id + "/undo")
                .then().statusCode(404).body("error", equalTo(ReviewMessages.nothingToUndoOn(id)));
        assertEquals(id, ReviewApiTest.nextId(r));
        r.request().contentType("application/json").body("{\"choice\":\"A\"}").post("/api/v1/review/" + id).then().statusCode(201);
        // The judgement was made 45 seconds ago: past the default window of 30 seconds.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update judgements set created_at = now() - interval '45 seconds' where item_id = ?1").setParameter(1, id).executeUpdate());
        r.request().contentType("application/json").post("/api/v1/review/" + id + "/undo")
                .then().statusCode(409).body("code", equalTo("too_late"))
                .body("error", anyOf(equalTo(ReviewMessages.undoTooLate(30, 45)), equalTo(ReviewMessages.undoTooLate(30, 46)))); // a slow machine
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Judgement.count("itemId", id)), "the choice stands");
        assertEquals(ReviewItem.COMPLETE, QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(id).status));
    }

    @Test
    void anUndoAfterAnAdminDecidedTheRewriteIsRefusedAndKeepsBoth() {
        for (boolean accept : new boolean[] {true, false}) {
            long id = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
            Caller r = reviewer();
            assertEquals(id, ReviewApiTest.nextId(r));
            String rewrite = "Hi there, thanks for writing. Reply with your order number and we'll look into it today. (" + id + ")";
            r.request().contentType("application/json").body("{\"choice\":\"A\",\"rewrite\":\"" + rewrite + "\"}")
                    .post("/api/v1/review/" + id).then().statusCode(201);
            long proposal = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select r.id from replies r join judgements j on j.id = r.judgement_id where j.item_id = ?1").setParameter(1, id)
                    .getSingleResult()).longValue());
            // The admin decides within the reviewer's undo window.
            QuarkusTransaction.requiringNew().run(() -> admin.decideRewrite(proposal, accept, null));
            r.request().contentType("application/json").post("/api/v1/review/" + id + "/undo")
                    .then().statusCode(409).body("code", equalTo("rewrite_decided"))
                    .body("error", equalTo(ReviewMessages.rewriteAlreadyDecided(accept)));
            assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Judgement.count("itemId", id)), "the choice stands");
            assertEquals(accept ? "active" : "retired", QuarkusTransaction.requiringNew().call(
                    () -> Reply.<Reply>findById(proposal).status));
        }
    }
}
