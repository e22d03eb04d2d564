package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.ReviewItems;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.item.ReviewView;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A reviewer's miss on a gold item is a preference known to be wrong: a round leaves it out, as the preference files do,
 * so that the reward model neither learns it nor is scored against it. A hit on the same item is learnt.
 */
@QuarkusTest
class GoldMissRoundTest {
    @Inject
    EntityManager em;
    @Inject
    UserService users;
    @Inject
    ReviewService review;

    @Test
    void aRoundLeavesOutAMissOnAGoldItemAndLearnsAHit() {
        ActiveModel.await();
        User reviewer = ScratchAccounts.user(users.create("goldmiss" + UUID.randomUUID().toString().substring(0, 6), "long-enough-pw",
                "reviewer", null));
        // An item of this test's own: whatever the queue held, or nothing at all once earlier tests drained it, the
        // reviewer judges an item whose two replies differ and whose kind the test alone sets.
        long mine = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        ReviewView shown = review.next(reviewer.id).orElseThrow();
        assertEquals(mine, shown.itemId(), "the queue hands out this test's item");
        long judgement = review.submit(reviewer.id, reviewer.username, shown.itemId(), new Submission("A", null, null, null, 3000))
                .judgementId();
        Object[] before = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select i.kind, i.gold_choice, j.choice from review_items i join judgements j on j.item_id = i.id where j.id = ?1""")
                .setParameter(1, judgement).getSingleResult());
        String chosen = (String) before[2];
        try {
            gold(shown.itemId(), "1".equals(chosen) ? "2" : "1");
            assertFalse(learns(judgement), "a miss on a gold item is not learnt");
            gold(shown.itemId(), chosen);
            assertTrue(learns(judgement), "a hit on a gold item is learnt");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update review_items set kind = ?2, gold_choice = ?3 where id = ?1")
                    .setParameter(1, shown.itemId()).setParameter(2, before[0]).setParameter(3, before[1]).executeUpdate());
        }
    }

    private void gold(long itemId, String answer) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update review_items set kind = 'gold', gold_choice = ?2 where id = ?1")
                .setParameter(1, itemId).setParameter(2, answer).executeUpdate());
    }

    /** Whether a round that starts right before the judgement reads it. */
    private boolean learns(long judgement) {
        RoundJudgements.Read read = QuarkusTransaction.requiringNew().call(() -> new RoundJudgements(em, Map.of())
                .read(judgement - 1, new RoundScope(0, 1, 0), 1));
        return read.pairs().stream().anyMatch(p -> p.judgementId() == judgement);
    }
}
