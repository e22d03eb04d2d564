package dev.loopwise.review.judging;

import dev.loopwise.common.JudgementMessages;
import dev.loopwise.common.ReviewMessages;
import dev.loopwise.common.job.AdvisoryLock;
import dev.loopwise.common.ApiException;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewConfig;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.item.ReviewView;
import dev.loopwise.review.queue.EmptyQueueRefills;
import dev.loopwise.review.queue.ReviewLeases;
import dev.loopwise.review.queue.ReviewQueueKeeper;
import dev.loopwise.ticket.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Hands items to reviewers and stores their judgements. An item goes to one reviewer at a time under a
 * lease ({@link ReviewLeases}) and never shows anyone else's answer. Storing is idempotent per (reviewer, item):
 * a double click or a retry stores one judgement.
 */
@ApplicationScoped
public class ReviewService {
    @Inject
    EntityManager em;
    @Inject
    ReviewConfig config;
    @Inject
    OutOfScopeLabels outOfScope;
    @Inject
    ReviewTallies tallies;
    @Inject
    EmptyQueueRefills refills;
    @Inject
    ReviewQueueKeeper keeper;
    @Inject
    ReviewLeases leases;

    @Schema(name = "StoredJudgement", description = "The judgement as stored")
    public record Stored(@Schema(description = "The judgement's id") long judgementId,
                         @Schema(description = "true when the caller had already judged the item the same way (a retried request): nothing new was stored")
                         boolean duplicate) {
    }

    /** The reviewer's next item, making new items when none is waiting; empty when there is nothing to review. */
    public Optional<ReviewView> next(long reviewerId) {
        Optional<ReviewView> item = leases.lease(reviewerId);
        if (item.isPresent()) {
            keeper.leased();
            return item;
        }
        return refills.leaseAfterRefill(reviewerId, () -> leases.lease(reviewerId));
    }

    @Transactional
    public Stored submit(long reviewerId, String reviewerName, long itemId, Submission submission) {
        submission.validate();
        // Before the judgement draws its id: a round fixing the newest judgement it reads waits for this write to commit.
        AdvisoryLock.sharedForTransaction(em, Judgement.WRITE_LOCK);
        ReviewItem item = lockedItem(itemId);
        Optional<Judgement> existing = Judgement.find("itemId = ?1 and reviewerId = ?2", itemId, reviewerId).firstResultOptional();
        if (existing.isPresent()) {
            if (!submission.repeats(existing.get())) {
                throw ApiException.conflict("already_judged", ReviewMessages.ALREADY_JUDGED);
            }
            return new Stored(existing.get().id, true);
        }
        Object[] lease = ReviewLeases.<Object[]>single(em.createNativeQuery(
                "select swapped, expires_at > now(), floor(extract(epoch from now() - leased_at) * 1000) from review_leases "
                        + "where item_id = ?1 and reviewer_id = ?2")
                .setParameter(1, itemId).setParameter(2, reviewerId).getResultList())
                .orElseThrow(() -> ApiException.conflict("not_leased", JudgementMessages.NOT_LEASED));
        boolean swapped = (Boolean) lease[0];
        boolean counts = !submission.choice().equals(Judgement.SKIP);
        if (!(Boolean) lease[1] && counts && !leases.roomFor(item.id, reviewerId)) {
            throw ApiException.conflict("lease_expired", JudgementMessages.LEASE_EXPIRED);
        }
        if (counts && !item.kind.equals(ReviewItem.GOLD) && item.judgements >= item.requiredJudgements) {
            throw ApiException.conflict("item_complete", JudgementMessages.ITEM_COMPLETE);
        }
        TallySums.Item before = tallies.read(item);
        Judgement judgement = new Judgement();
        judgement.itemId = itemId;
        judgement.reviewerId = reviewerId;
        judgement.swapped = swapped;
        judgement.choice = canonical(submission.choice(), swapped);
        judgement.shownAs = submission.choice().equals("A") || submission.choice().equals("B") ? submission.choice() : null;
        judgement.rating1 = submission.stars(swapped ? "B" : "A");
        judgement.rating2 = submission.stars(swapped ? "A" : "B");
        judgement.rewrite = submission.storedRewrite();
        judgement.skipReason = submission.storedReason();
        long serverMillis = ((Number) lease[2]).longValue();
        judgement.durationMs = (int) Math.min(serverMillis, submission.durationMs() == null ? serverMillis : submission.durationMs());
        judgement.persist();
        TallySums.Item after = tallies.read(item);
        if (counts) {
            item.judgements++;
        } else if (!item.kind.equals(ReviewItem.GOLD)) {
            item.skips++;
        }
        em.flush(); // the judgement just stored counts as an answer
        item.status = item.settledStatus(config.setAsideAfterSkips(), ReviewItem.answeredByWholeTeam(itemId));
        if (judgement.rewrite != null) {
            RewriteProposals.propose(item, judgement, reviewerName);
        }
        if (judgement.choice.equals(Judgement.OUT_OF_SCOPE)) {
            outOfScope.label(item);
        }
        em.createNativeQuery("delete from review_leases where item_id = ?1 and reviewer_id = ?2")
                .setParameter(1, itemId).setParameter(2, reviewerId).executeUpdate();
        // Last, so the rows that the whole team's submits share are held only until the commit that follows.
        tallies.record(before, after);
        if (counts) {
            tallies.refreshMedian(reviewerId);
        }
        return new Stored(judgement.id, false);
    }

    /**
     * Takes back the reviewer's choice on the item within the undo window (an out-of-scope label with it) and
     * hands the item straight back, in the A/B order it was shown in, to be the next one on their screen.
     */
    @Transactional
    public ReviewView undo(long reviewerId, long itemId) {
        ReviewItem item = lockedItem(itemId);
        Judgement judgement = Judgement.<Judgement>find("itemId = ?1 and reviewerId = ?2", itemId, reviewerId).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound(ReviewMessages.nothingToUndoOn(itemId)));
        Duration age = Duration.between(judgement.createdAt, OffsetDateTime.now());
        if (age.compareTo(config.undoWindow()) > 0) {
            throw ApiException.conflict("too_late", ReviewMessages.undoTooLate(config.undoWindow().toSeconds(), age.toSeconds()));
        }
        Optional<Reply> decided = Reply.<Reply>find("judgementId = ?1 and status <> ?2", judgement.id, Reply.PENDING).firstResultOptional();
        if (decided.isPresent()) {
            // The library reply an accepted rewrite became names this judgement as its source (and one set aside is kept too).
            throw ApiException.conflict("rewrite_decided", ReviewMessages.rewriteAlreadyDecided(Reply.ACTIVE.equals(decided.get().status)));
        }
        TallySums.Item before = tallies.read(item);
        Reply.delete("judgementId = ?1 and status = ?2", judgement.id, Reply.PENDING);
        if (!judgement.choice.equals(Judgement.SKIP)) {
            item.judgements--;
        } else if (!item.kind.equals(ReviewItem.GOLD)) {
            item.skips--;
        }
        // The reviewer taking their answer back is one of the team who has not answered now.
        item.status = item.settledStatus(config.setAsideAfterSkips(), false);
        judgement.delete();
        tallies.record(before, tallies.read(item));
        if (!judgement.choice.equals(Judgement.SKIP)) {
            tallies.refreshMedian(reviewerId);
        }
        if (judgement.choice.equals(Judgement.OUT_OF_SCOPE)) {
            em.flush(); // the withdrawal counts the verdicts still standing
            outOfScope.withdraw(item);
        }
        // A fresh lease, newer than the one on screen, so the undone item is the next one handed out.
        return leases.grant(itemId, reviewerId, judgement.swapped);
    }

    private ReviewItem lockedItem(long itemId) {
        return (ReviewItem) ReviewLeases.single(em.createNativeQuery("select * from review_items where id = ?1 for update", ReviewItem.class)
                .setParameter(1, itemId).getResultList()).orElseThrow(() -> ApiException.notFound(JudgementMessages.noItem(itemId)));
    }

    /** The pressed letter in the item's own terms: with the replies swapped, A is reply 2. */
    static String canonical(String shown, boolean swapped) {
        return switch (shown) {
            case "A" -> swapped ? "2" : "1";
            case "B" -> swapped ? "1" : "2";
            default -> shown;
        };
    }
}
