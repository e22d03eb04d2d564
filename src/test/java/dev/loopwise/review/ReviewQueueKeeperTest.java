package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** Items are made ahead of demand: with the queue empty the keeper fills it to its target, and a full queue is left alone. */
@QuarkusTest
class ReviewQueueKeeperTest {
    @Inject
    ReviewQueueKeeper keeper;
    @Inject
    EntityManager em;

    @Test
    void theQueueIsFilledAheadOfReviewers() {
        int version = ActiveModel.await();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update review_items set status = 'complete' where status = 'open'").executeUpdate();
            // Served traffic nobody has reviewed yet, whatever earlier tests used up.
            for (int i = 0; i < 30; i++) {
                String text = "keeper test ticket " + i + " about my parcel " + java.util.UUID.randomUUID();
                em.createNativeQuery("""
                        insert into served_requests (id, endpoint, text, text_hash, out_of_scope, latency_ms, model_version)
                        values (?1, 'respond', ?2, ?3, false, 1, ?4)""").setParameter(1, java.util.UUID.randomUUID()).setParameter(2, text)
                        .setParameter(3, dev.loopwise.common.Hashing.sha256Hex(text)).setParameter(4, version).executeUpdate();
            }
        });
        int made = keeper.topUp(12);
        long open = QuarkusTransaction.requiringNew().call(ReviewItem::countOpen);
        assertTrue(made > 0 && open >= 12, "made " + made + ", open " + open);
        assertEquals(0, keeper.topUp(12), "a queue at its target is left alone");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update review_items set status = 'complete' where status = 'open'")
                .executeUpdate());
    }
}
