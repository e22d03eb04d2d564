package dev.loopwise.review.history;

import dev.loopwise.privacy.ReviewerPrivacy;
import dev.loopwise.review.item.Judgement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * A reviewer's own judgements, newest first, a page at a time. Each page is one query that walks the index on
 * (reviewer_id, id) down from the cursor and joins each row's item by its key, so a page costs the same whether the
 * reviewer has judged ten items or a hundred thousand; no count of the whole history is ever taken.
 */
@ApplicationScoped
public class JudgementHistory {
    @Inject
    EntityManager em;
    @Inject
    ReviewerPrivacy privacy;

    /** Up to {@code rows} of the reviewer's judgements with an id below {@code before} (null: from the newest). */
    public List<PastJudgement> newestFirst(long reviewerId, Long before, int rows) {
        List<Object[]> found = em.createQuery("""
                        select j, i.ticketText, i.reply1Text, i.reply2Text from Judgement j join ReviewItem i on i.id = j.itemId
                        where j.reviewerId = ?1 and j.id < ?2 order by j.id desc""", Object[].class)
                .setParameter(1, reviewerId).setParameter(2, before == null ? Long.MAX_VALUE : before)
                .setMaxResults(rows).getResultList();
        return found.stream().map(r -> PastJudgement.of((Judgement) r[0], (String) r[1], (String) r[2], (String) r[3], privacy::mask))
                .toList();
    }
}
