package dev.loopwise.review.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.review.ReviewItems;
import dev.loopwise.review.ScratchReviewers;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Leases that ran out more than a day ago are forgotten; newer ones, live or not, stay. */
@QuarkusTest
class StaleLeasesTest {
    @Inject
    EntityManager em;
    @Inject
    StaleLeases leases;
    @Inject
    UserService users;

    @Test
    void onlyLeasesThatRanOutMoreThanADayAgoAreForgotten() {
        List<Long> items = ReviewItems.fresh(em, 3, 1, ReviewItem.REGULAR);
        long reviewer = users.create("stale" + UUID.randomUUID().toString().substring(0, 8), "long-enough-pw", "reviewer", null).id;
        try {
            expireAndForget(items, reviewer);
        } finally {
            ScratchReviewers.remove(List.of(reviewer), items);
        }
    }

    private void expireAndForget(List<Long> items, long reviewer) {
        String[] expiries = {"now() - interval '25 hours'", "now() - interval '23 hours'", "now() + interval '5 minutes'"};
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < items.size(); i++) {
                em.createNativeQuery("insert into review_leases (item_id, reviewer_id, swapped, leased_at, expires_at) values (?1, ?2, false, "
                        + expiries[i] + " - interval '10 minutes', " + expiries[i] + ")")
                        .setParameter(1, items.get(i)).setParameter(2, reviewer).executeUpdate();
            }
        });
        leases.forget();
        List<?> left = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select item_id from review_leases where reviewer_id = ?1 order by item_id").setParameter(1, reviewer).getResultList());
        assertEquals(List.of(items.get(1), items.get(2)), left.stream().map(n -> ((Number) n).longValue()).toList());
    }
}
