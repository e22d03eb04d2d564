package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.review.judging.ReviewStats;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
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
    private final List<Long> madeUsers = new ArrayList<>();
    private final List<Long> madeItems = new ArrayList<>();

    @AfterEach
    void removeWhatWasMade() {
        ScratchReviewers.remove(madeUsers, madeItems);
    }

    @Test
    void agreementAndWeightsFollowTheJudgements() {
        ActiveModel.await();
        int overlapBefore = stats.overall().overlapUnits();
        List<Long> items = ReviewItems.fresh(em, 6, 3, ReviewItem.OVERLAP);
        madeItems.addAll(items);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<User> reviewers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reviewers.add(made(users.create("stats" + run + i, "long-enough-pw", "reviewer", null)));
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

    /** Time per item: the upper median of the reviewer's newest judgements, skips left out; none without a judgement. */
    @Test
    void medianTimePerItemOnHandComputedCases() {
        ActiveModel.await();
        String run = UUID.randomUUID().toString().substring(0, 6);
        User four = made(users.create("median4" + run, "long-enough-pw", "reviewer", null));
        User lone = made(users.create("median1" + run, "long-enough-pw", "reviewer", null));
        User skipper = made(users.create("median0" + run, "long-enough-pw", "reviewer", null));
        for (int ms : new int[] {4000, 1000, 3000, 2000}) {
            judge(four, "A", ms);
        }
        judge(four, "skip", 9000);
        judge(lone, "A", 1500);
        judge(skipper, "skip", 700);

        List<ReviewStats.ReviewerStats> reviewers = stats.overall().reviewers();
        // 1,000 2,000 3,000 4,000 (the 9 s skip left out): the upper of the two middle values
        assertEquals(3.0, medianOf(reviewers, four));
        assertEquals(1.5, medianOf(reviewers, lone), "a single judgement is its own median");
        assertEquals(null, medianOf(reviewers, skipper), "skips alone give no time per item");

        // Each submit and undo refreshes the figure: 500 ms makes five values (median 2 s), its undo brings back 3 s.
        long fifth = judge(four, "B", 500);
        assertEquals(2.0, medianOf(stats.overall().reviewers(), four));
        review.undo(four.id, fifth);
        assertEquals(3.0, medianOf(stats.overall().reviewers(), four));
    }

    private long judge(User reviewer, String choice, int durationMs) {
        long item = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        madeItems.add(item);
        for (long handed = review.next(reviewer.id).orElseThrow().itemId(); handed != item; handed = review.next(reviewer.id).orElseThrow().itemId()) {
            // Other tests' open items come first: skipped, they stay out of the median.
            review.submit(reviewer.id, reviewer.username, handed, new Submission("skip", null, null, "not mine", 1));
        }
        // A stored duration is capped by the server's own clock since the lease: the lease is dated back a minute.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update review_leases set leased_at = now() - interval '1 minute' where item_id = ?1 and reviewer_id = ?2")
                .setParameter(1, item).setParameter(2, reviewer.id).executeUpdate());
        review.submit(reviewer.id, reviewer.username, item,
                new Submission(choice, null, null, choice.equals("skip") ? "unclear" : null, durationMs));
        return item;
    }

    private User made(User user) {
        madeUsers.add(user.id);
        return user;
    }

    private static Double medianOf(List<ReviewStats.ReviewerStats> reviewers, User user) {
        return reviewers.stream().filter(r -> r.reviewerId() == user.id).findFirst().orElseThrow().medianSeconds();
    }
}
