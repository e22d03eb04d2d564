package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.AtOnce;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.queue.Refill;
import dev.loopwise.review.queue.ReviewItemGenerator;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "Make review items" asked for at the same moment (two admins, a double click, a reviewer's refill beside an admin's):
 * every ticket still gets one item, never two with different pairs of replies.
 */
@QuarkusTest
class ConcurrentRefillTest {
    static final int SERVED = 30;

    @Inject
    ReviewItemGenerator generator;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void refillsAtTheSameMomentGiveEachTicketOneItem() throws Exception {
        ActiveModel.await();
        String tag = UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        try {
            // Whatever earlier tests left without an item gets one first, so that only this test's requests are left.
            Refill drained = null;
            for (int i = 0; i < 20 && (drained == null || drained.made() == drained.asked()); i++) {
                drained = generator.refill(ReviewAdminPage.MAX_GENERATE);
            }
            assertEquals(Refill.Shortfall.NOTHING_LEFT, drained.shortfall(), drained.toString());
            Caller api = Caller.apiKey(keys, "admin");
            for (int i = 0; i < SERVED; i++) {
                api.request().contentType("application/json")
                        .body("{\"text\":\"refill race " + tag + ": my parcel " + words(i) + " never came\"}")
                        .post("/api/v1/respond").then().statusCode(200);
            }

            List<Refill> refills = AtOnce.times(4, () -> generator.refill(SERVED));
            int made = refills.stream().mapToInt(Refill::made).sum();
            assertEquals(SERVED, made, "one item per ticket across the refills: " + refills);
            assertEquals(SERVED, count("select count(*) from review_items where ticket_text like ?1", tag));
            assertEquals(SERVED, count("select count(distinct ticket_hash) from review_items where ticket_text like ?1", tag));
            assertTrue(refills.stream().allMatch(r -> r.made() == r.asked() || r.shortfall() != Refill.Shortfall.NONE),
                    "a refill that made fewer says why: " + refills);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from review_items where ticket_text like ?1").setParameter(1, "refill race " + tag + "%")
                        .executeUpdate();
                // The items made while draining would otherwise wait for later tests' reviewers.
                em.createNativeQuery("update review_items set status = 'complete' where status = 'open'").executeUpdate();
            });
        }
    }

    private long count(String sql, String tag) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, "refill race " + tag + "%").getSingleResult()).longValue());
    }

    /** A distinct text per request, in letters: served texts mask digit runs. */
    private static String words(int i) {
        return "ab" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
    }
}
