package dev.loopwise.review;

import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.judging.ReviewTallies;
import dev.loopwise.review.judging.TallySums;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;

/**
 * Removes reviewers a test made, with their judgements and the items they judged that the test made too. The
 * running sums are taken back through {@link ReviewTallies} first, and an item that stays counts the judgements it has
 * left, so the figures other tests read stay in step with the judgements left.
 */
public final class ScratchReviewers {
    private ScratchReviewers() {
    }

    /** Takes back every judgement of these reviewers, then deletes the given items and the reviewers. */
    public static void remove(Collection<Long> reviewerIds, Collection<Long> itemIds) {
        if (reviewerIds.isEmpty() && itemIds.isEmpty()) {
            return;
        }
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        ReviewTallies tallies = Arc.container().instance(ReviewTallies.class).get();
        Long[] reviewers = reviewerIds.toArray(Long[]::new);
        Long[] items = itemIds.toArray(Long[]::new);
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Number> judged = em.createNativeQuery(
                    "select distinct item_id from judgements where reviewer_id = any(?1) or item_id = any(?2) order by item_id")
                    .setParameter(1, reviewers).setParameter(2, items).getResultList();
            for (Number id : judged) {
                ReviewItem item = (ReviewItem) em.createNativeQuery("select * from review_items where id = ?1 for update", ReviewItem.class)
                        .setParameter(1, id.longValue()).getSingleResult();
                TallySums.Item before = tallies.read(item);
                String taken = "(select id from judgements where item_id = ?1 and (reviewer_id = any(?2) or item_id = any(?3)))";
                // As on an undo, a rewrite still waiting for a decision goes with its judgement; one already decided stays
                // a reply of the library, without the judgement it came from.
                em.createNativeQuery("delete from replies where status = 'pending' and judgement_id in " + taken)
                        .setParameter(1, item.id).setParameter(2, reviewers).setParameter(3, items).executeUpdate();
                em.createNativeQuery("update replies set judgement_id = null where judgement_id in " + taken)
                        .setParameter(1, item.id).setParameter(2, reviewers).setParameter(3, items).executeUpdate();
                em.createNativeQuery("delete from judgements where id in " + taken)
                        .setParameter(1, item.id).setParameter(2, reviewers).setParameter(3, items).executeUpdate();
                recount(em, item);
                tallies.record(before, tallies.read(item));
            }
            em.createNativeQuery("delete from review_leases where reviewer_id = any(?1)").setParameter(1, reviewers).executeUpdate();
            em.createNativeQuery("delete from review_items where id = any(?1)").setParameter(1, items).executeUpdate();
            em.createNativeQuery("delete from review_pair_tallies where reviewer_a = any(?1) or reviewer_b = any(?1)")
                    .setParameter(1, reviewers).executeUpdate();
            em.createNativeQuery("delete from review_reviewer_tallies where reviewer_id = any(?1)").setParameter(1, reviewers).executeUpdate();
            em.createNativeQuery("delete from users where id = any(?1)").setParameter(1, reviewers).executeUpdate();
        });
    }

    /** An item that stays counts the judgements and skips it has left, as an undo keeps its counts (gold counts no skips). */
    private static void recount(EntityManager em, ReviewItem item) {
        item.judgements = ((Number) em.createNativeQuery("select count(*) from judgements where item_id = ?1 and choice <> 'skip'")
                .setParameter(1, item.id).getSingleResult()).intValue();
        if (!ReviewItem.GOLD.equals(item.kind)) {
            item.skips = ((Number) em.createNativeQuery("select count(*) from judgements where item_id = ?1 and choice = 'skip'")
                    .setParameter(1, item.id).getSingleResult()).intValue();
        }
    }
}
