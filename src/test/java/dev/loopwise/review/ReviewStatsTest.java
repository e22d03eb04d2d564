package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.User;
import dev.loopwise.security.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Agreement and reliability from real judgements: a reviewer who keeps disagreeing weighs less. */
@QuarkusTest
class ReviewStatsTest {
    @Inject
    ReviewService review;
    @Inject
    ReviewStats stats;
    @Inject
    ReviewAdminService admin;
    @Inject
    UserService users;
    @Inject
    EntityManager em;

    @Test
    void agreementAndWeightsFollowTheJudgements() {
        ActiveModel.await();
        int overlapBefore = stats.overall().overlapUnits();
        List<Long> items = ReviewItems.fresh(em, 6, 3, ReviewItem.OVERLAP);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<User> reviewers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reviewers.add(users.create("stats" + run + i, "long-enough-pw", "reviewer", null));
        }
        for (long item : items) {
            for (int r = 0; r < 3; r++) {
                long id = reviewers.get(r).id;
                assertEquals(item, review.next(id).orElseThrow().itemId());
                String choice = r < 2 ? "A" : "tie"; // the third reviewer always disagrees
                boolean swapped = QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                        "select swapped from review_leases where item_id = ?1 and reviewer_id = ?2")
                        .setParameter(1, item).setParameter(2, id).getSingleResult());
                // Press the letter under which reply 1 was shown, so both agreeing reviewers mean reply 1.
                String letter = choice.equals("A") ? (swapped ? "B" : "A") : choice;
                review.submit(id, reviewers.get(r).username, item, new Submission(letter, null, null, null, 2000));
            }
        }
        ReviewStats.Overall overall = stats.overall();
        Map<Long, Double> weights = stats.weights();
        double agreeing = weights.get(reviewers.get(0).id);
        double dissenting = weights.get(reviewers.get(2).id);
        assertTrue(agreeing > dissenting, agreeing + " vs " + dissenting);
        ReviewStats.ReviewerStats first = overall.reviewers().stream().filter(r -> r.reviewerId() == reviewers.get(0).id).findFirst().orElseThrow();
        // Leave-one-out: the others of each item split A / tie, a tie broken at random, so agreeing with one
        // of the two leaders earns half (ReviewerReliabilityTest computes such cases by hand).
        assertEquals(0.5, first.agreement());
        assertEquals(0.5, first.weight(), 1e-9); // Beta(1 + 3, 1 + 3)
        assertEquals(6, first.judgements());
        // Alpha covers every overlap item in the database, other tests' too, so only its inputs are pinned
        // here; AgreementTest pins its value on known units.
        assertNotNull(overall.alpha());
        assertEquals(overlapBefore + items.size(), overall.overlapUnits());
        assertEquals(0.0, overall.reviewers().stream().filter(r -> r.reviewerId() == reviewers.get(2).id).findFirst().orElseThrow().agreement());
    }
}
