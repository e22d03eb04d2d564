package dev.loopwise.review.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.ReviewItems;
import dev.loopwise.review.ScratchReviewers;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A team smaller than the judgements an item asks for: items its members answered wait for nobody, and never keep a
 * reviewer from new work.
 */
@QuarkusTest
class SmallTeamQueueTest {
    @Inject
    EntityManager em;
    @Inject
    ReviewService review;
    @Inject
    ReviewItemGenerator generator;
    @Inject
    UserService users;
    private final List<Long> madeUsers = new ArrayList<>();
    private final List<Long> madeItems = new ArrayList<>();

    /** Items the generator adds for the team are left to the queue, as any it makes. */
    @AfterEach
    void removeWhatWasMade() {
        ScratchReviewers.remove(madeUsers, madeItems);
    }

    @Test
    void itemsTheWholeTeamAnsweredCompleteOrAreSetAside() {
        long alone = users.create("alone" + UUID.randomUUID().toString().substring(0, 8), "long-enough-pw", "reviewer", null).id;
        madeUsers.add(alone);
        List<?> others = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "update users set disabled_at = now() where disabled_at is null and id <> ?1 returning id").setParameter(1, alone).getResultList());
        try {
            List<Long> items = ReviewItems.fresh(em, 2, 3, ReviewItem.OVERLAP);
            madeItems.addAll(items);
            long judged = review.next(alone).orElseThrow().itemId();
            review.submit(alone, "alone", judged, new Submission("A", null, null, null, 3000));
            long skipped = review.next(alone).orElseThrow().itemId();
            review.submit(alone, "alone", skipped, new Submission("skip", null, null, "not sure", 3000));
            assertEquals(List.of(judged, skipped).stream().sorted().toList(), items);

            assertEquals(ReviewItem.COMPLETE, status(judged), "one judgement of the three asked for is all a team of one can give");
            assertEquals(ReviewItem.SKIPPED, status(skipped), "skipped by everyone who could take it: set aside for an admin");
            assertEquals(0, QuarkusTransaction.requiringNew().call(ReviewItem::countWaiting), "nothing waits for anybody");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update users set disabled_at = null where id in (?1)")
                    .setParameter(1, others.stream().map(id -> ((Number) id).longValue()).toList()).executeUpdate());
        }
    }

    @Test
    void itemsAReviewerAnsweredDoNotFillTheirQueue() {
        ActiveModel.await();
        long fast = users.create("fast" + UUID.randomUUID().toString().substring(0, 8), "long-enough-pw", "reviewer", null).id;
        madeUsers.add(fast);
        madeItems.addAll(ReviewItems.fresh(em, 2, 3, ReviewItem.OVERLAP));
        for (int i = 0; i < 2; i++) {
            review.submit(fast, "fast", review.next(fast).orElseThrow().itemId(), new Submission("B", null, null, null, 3000));
        }
        assertEquals(2, QuarkusTransaction.requiringNew().call(ReviewItem::countWaiting), "both wait for two more reviewers");
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ReviewItem.countWaitingFor(fast)), "none is for this reviewer");
        assertEquals(Refill.Shortfall.QUEUE_FULL, generator.refill(5, 2).shortfall(), "for the team, two are enough");
        assertNotEquals(Refill.Shortfall.QUEUE_FULL, generator.refillFor(fast, 5, 2).shortfall(), "for this reviewer, nothing waits");
    }

    private String status(long item) {
        return QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(item).status);
    }
}
