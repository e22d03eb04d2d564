package dev.loopwise.review.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Items are made ahead of demand: with the queue empty the keeper fills it to its target, and a full queue is left alone. */
@QuarkusTest
class ReviewQueueKeeperTest {
    @Inject
    ReviewQueueKeeper keeper;
    @Inject
    EntityManager em;
    @Inject
    ApiKeyService keys;

    @Test
    void theQueueIsFilledAheadOfReviewers() {
        ActiveModel.await();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update review_items set status = 'complete' where status = 'open'")
                .executeUpdate());
        serveUnreviewedTraffic();
        int made = keeper.topUp(12);
        long open = QuarkusTransaction.requiringNew().call(ReviewItem::countOpen);
        assertTrue(made > 0 && open == made, "made " + made + ", open " + open);
        assertEquals(0, keeper.topUp((int) open), "a queue at its target is left alone");
        // The same items on a reviewer's screen wait for nobody: the queue counts as empty again.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into review_leases (item_id, reviewer_id, swapped, expires_at)
                select i.id, (select id from users where username = 'admin'), false, now() + interval '5 minutes'
                from review_items i where i.status = 'open'""").executeUpdate());
        // Only items that want a second reviewer (overlap items) still wait for someone.
        long wantingMore = QuarkusTransaction.requiringNew().call(() -> ReviewItem.count("status = ?1 and requiredJudgements > 1",
                ReviewItem.OPEN));
        assertEquals(wantingMore, QuarkusTransaction.requiringNew().call(ReviewItem::countWaiting));
        assertTrue(keeper.topUp((int) open) > 0, "items on screens do not stand in for items waiting");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from review_leases where reviewer_id = (select id from users where username = 'admin')").executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update review_items set status = 'complete' where status = 'open'")
                .executeUpdate());
    }

    @Test
    void leasesBetweenPeriodsTopTheQueueUpInTheBackground() throws Exception {
        ActiveModel.await();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update review_items set status = 'complete' where status = 'open'")
                .executeUpdate());
        serveUnreviewedTraffic();
        // A floor of 8 looks every second lease.
        assertTrue(keeper.afterLease(8).isEmpty(), "the first of two leases does not look");
        int made = keeper.afterLease(8).orElseThrow().get(60, TimeUnit.SECONDS);
        long waiting = QuarkusTransaction.requiringNew().call(ReviewItem::countWaiting);
        assertTrue(made >= 8 && waiting == made, "made " + made + ", waiting " + waiting);
        assertTrue(keeper.afterLease(8).isEmpty(), "the count starts again after a look");
        assertTrue(keeper.afterLease(0).isEmpty(), "a floor of 0 turns it off");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update review_items set status = 'complete' where status = 'open'")
                .executeUpdate());
    }

    /** Served traffic nobody has reviewed yet, whatever earlier tests used up: asked through the real pipeline. */
    private void serveUnreviewedTraffic() {
        Caller admin = Caller.apiKey(keys, "admin");
        for (int i = 0; i < 30; i++) {
            admin.request().contentType("application/json").body("{\"text\":\"keeper test: where is parcel " + UUID.randomUUID() + "?\"}")
                    .post("/api/v1/respond").then().statusCode(200);
        }
    }
}
