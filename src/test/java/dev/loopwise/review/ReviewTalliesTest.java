package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewConfig;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.review.judging.ReviewStats;
import dev.loopwise.review.judging.ReviewTallies;
import dev.loopwise.review.judging.ReviewerReliability;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The figures the pages show, kept as running sums on every submit, undo and gold answer, equal the figures
 * computed from every judgement in the database at once — and so do the sums built from scratch at start.
 */
@QuarkusTest
class ReviewTalliesTest {
    private static final String[] LETTERS = {"A", "B", "tie", "both_bad", "skip"};

    @Inject
    ReviewService review;
    @Inject
    ReviewAdminService admin;
    @Inject
    ReviewStats stats;
    @Inject
    ReviewTallies tallies;
    @Inject
    ReviewConfig config;
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
    void runningSumsEqualTheFiguresFromEveryJudgement() {
        ActiveModel.await();
        List<Long> items = ReviewItems.fresh(em, 24, 3, ReviewItem.OVERLAP);
        madeItems.addAll(items);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update review_items set kind = 'regular', required_judgements = 1 where id = any(?1)")
                .setParameter(1, items.subList(0, 6).toArray(Long[]::new)).executeUpdate());
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<User> reviewers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            reviewers.add(users.create("tally" + run + i, "long-enough-pw", "reviewer", null));
            madeUsers.add(reviewers.get(i).id);
        }
        Random random = new Random(20260501);
        for (int step = 0; step < 90; step++) {
            long item = items.get(random.nextInt(items.size()));
            User reviewer = reviewers.get(random.nextInt(reviewers.size()));
            if (random.nextDouble() < 0.04) {
                admin.makeGold(item, new String[] {"1", "2", "tie", "both_bad", Judgement.OUT_OF_SCOPE}[random.nextInt(5)]);
                continue;
            }
            if (judged(item, reviewer.id) || full(item)) {
                continue;
            }
            lease(item, reviewer.id, random.nextBoolean());
            String letter = LETTERS[random.nextInt(LETTERS.length)];
            review.submit(reviewer.id, reviewer.username, item, new Submission(letter, null, null,
                    letter.equals("skip") ? "Not sure" : null, 1000 + random.nextInt(5000)));
            if (random.nextDouble() < 0.1) {
                review.undo(reviewer.id, item);
            }
        }
        assertSameAsFromScratch();
        tallies.rebuild();
        assertSameAsFromScratch();
    }

    private void assertSameAsFromScratch() {
        FromScratchFigures.Figures expected = QuarkusTransaction.requiringNew().call(() -> FromScratchFigures.of(FromScratchFigures.load(em)));
        ReviewStats.Overall overall = stats.overall();
        assertEquals(expected.reviewers().size(), overall.reviewers().size(), "reviewers with judgements");
        for (ReviewStats.ReviewerStats r : overall.reviewers()) {
            FromScratchFigures.Reviewer e = expected.reviewers().get(r.reviewerId());
            assertEquals(e.judgements(), r.judgements(), r.username());
            assertEquals(e.skips(), r.skips(), r.username());
            assertEquals(e.comparison().compared(), r.overlapCompared(), r.username());
            Double agreement = e.comparison().compared() >= config.minSharedItems() ? e.comparison().rate() : null;
            assertClose(agreement, r.agreement(), r.username());
            assertClose(agreement, stats.home(r.reviewerId()).agreement(), r.username() + " at home");
            assertEquals(e.goldJudged(), r.goldJudged(), r.username());
            assertClose(e.goldJudged() == 0 ? null : (double) e.goldCorrect() / e.goldJudged(), r.goldAccuracy(), r.username());
            ReviewerReliability.Estimate estimate = ReviewerReliability.estimate(e.comparison(), e.goldJudged(), e.goldCorrect());
            assertEquals(ReviewerReliability.roundWeight(estimate, config.minSharedItems()), r.weight(), 1e-12, r.username());
        }
        assertEquals(expected.reviewers().values().stream().mapToLong(FromScratchFigures.Reviewer::judgements).sum(), overall.judgements());
        assertClose(expected.alpha(), overall.alpha(), "alpha");
        assertEquals(expected.overlapUnits(), overall.overlapUnits());
        assertClose(expected.kappa(), overall.kappa(), "kappa");
        assertEquals(expected.overTime().size(), overall.alphaOverTime().size());
        for (int i = 0; i < expected.overTime().size(); i++) {
            assertEquals(expected.overTime().get(i).day(), overall.alphaOverTime().get(i).day());
            assertEquals(expected.overTime().get(i).units(), overall.alphaOverTime().get(i).units());
            assertClose(expected.overTime().get(i).alpha(), overall.alphaOverTime().get(i).alpha(), "alpha on " + expected.overTime().get(i).day());
        }
    }

    private boolean judged(long item, long reviewer) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                "select 1 from judgements where item_id = ?1 and reviewer_id = ?2").setParameter(1, item).setParameter(2, reviewer)
                .getResultList().isEmpty());
    }

    private boolean full(long item) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                "select kind <> 'gold' and judgements >= required_judgements from review_items where id = ?1").setParameter(1, item)
                .getSingleResult());
    }

    private void lease(long item, long reviewer, boolean swapped) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into review_leases (item_id, reviewer_id, swapped, expires_at) values (?1, ?2, ?3, now() + interval '10 minutes')
                on conflict (item_id, reviewer_id) do update set swapped = excluded.swapped, expires_at = excluded.expires_at""")
                .setParameter(1, item).setParameter(2, reviewer).setParameter(3, swapped).executeUpdate());
    }

    private static void assertClose(Double expected, Double actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
        } else {
            assertEquals(expected, actual, 1e-9, what);
        }
    }
}
