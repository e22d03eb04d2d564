package dev.loopwise.review;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.common.AdvisoryLock;
import dev.loopwise.common.ApiException;
import dev.loopwise.privacy.ReviewerPrivacy;
import dev.loopwise.ticket.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands items to reviewers and stores their judgements. An item goes to one reviewer at a time under a
 * lease; it is handed out only while its stored judgements plus live leases stay below the number it
 * needs, never twice to the same reviewer, and never shows anyone else's answer. Storing is idempotent
 * per (reviewer, item): a double click or a retry stores one judgement.
 */
@ApplicationScoped
public class ReviewService {
    @Inject
    EntityManager em;
    @Inject
    ReviewerPrivacy privacy;
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

    public record Stored(long judgementId, boolean duplicate) {
    }

    /** The reviewer's next item, making new items when none is waiting; empty when there is nothing to review. */
    public Optional<ReviewView> next(long reviewerId) {
        Optional<ReviewView> item = lease(reviewerId);
        if (item.isPresent()) {
            keeper.leased();
            return item;
        }
        return refills.leaseAfterRefill(reviewerId, () -> lease(reviewerId));
    }

    @Transactional
    Optional<ReviewView> lease(long reviewerId) {
        // The newest lease first: after an undo the item taken back comes before the one that was on screen,
        // which returns next, as it would have.
        Optional<Object[]> held = single(em.createNativeQuery("""
                select l.item_id, l.swapped from review_leases l join review_items i on i.id = l.item_id
                where l.reviewer_id = ?1 and l.expires_at > now() and i.status = 'open'
                  and not exists (select 1 from judgements j where j.item_id = i.id and j.reviewer_id = ?1)
                order by l.leased_at desc, l.item_id desc limit 1""").setParameter(1, reviewerId).getResultList());
        if (held.isPresent()) {
            return Optional.of(view(((Number) held.get()[0]).longValue(), (Boolean) held.get()[1], reviewerId));
        }
        boolean goldFirst = ThreadLocalRandom.current().nextDouble() < config.goldShare();
        List<Long> passed = new java.util.ArrayList<>(List.of(-1L));
        Optional<Long> itemId = Optional.empty();
        for (int attempt = 0; attempt < 5 && itemId.isEmpty(); attempt++) {
            Optional<Long> candidate = available(reviewerId, goldFirst, passed).or(() -> available(reviewerId, !goldFirst, passed));
            if (candidate.isEmpty()) {
                return Optional.empty();
            }
            // The search ran on a snapshot taken before the row lock; a lease committed in between is
            // visible only to a new statement, so look again now that nobody else can take the item.
            if (roomFor(candidate.get(), reviewerId)) {
                itemId = candidate;
            } else {
                passed.add(candidate.get());
            }
        }
        if (itemId.isEmpty()) {
            return Optional.empty();
        }
        boolean swapped = ThreadLocalRandom.current().nextBoolean();
        em.createNativeQuery("""
                insert into review_leases (item_id, reviewer_id, swapped, expires_at) values (?1, ?2, ?3, now() + ?4 * interval '1 second')
                on conflict (item_id, reviewer_id) do update set swapped = excluded.swapped, leased_at = now(), expires_at = excluded.expires_at""")
                .setParameter(1, itemId.get()).setParameter(2, reviewerId).setParameter(3, swapped)
                .setParameter(4, config.lease().toSeconds()).executeUpdate();
        return Optional.of(view(itemId.get(), swapped, reviewerId));
    }

    /** An open item with room for another reviewer that this one has not judged, locked so no one else takes it now. */
    private Optional<Long> available(long reviewerId, boolean gold, List<Long> passed) {
        List<?> rows = em.createNativeQuery("""
                select i.id from review_items i
                where i.status = 'open' and (i.kind = 'gold') = ?2 and i.id <> all(?3)
                  and not exists (select 1 from judgements j where j.item_id = i.id and j.reviewer_id = ?1)
                  and i.judgements + (select count(*) from review_leases l where l.item_id = i.id
                                      and l.reviewer_id <> ?1 and l.expires_at > now()) < i.required_judgements
                order by i.id limit 1 for update of i skip locked""")
                .setParameter(1, reviewerId).setParameter(2, gold).setParameter(3, passed.toArray(Long[]::new)).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).longValue());
    }

    private ReviewView view(long itemId, boolean swapped, long reviewerId) {
        ReviewItem item = ReviewItem.findById(itemId);
        ReviewView.Candidate one = new ReviewView.Candidate(item.reply1Id, privacy.mask(item.reply1Text));
        ReviewView.Candidate two = new ReviewView.Candidate(item.reply2Id, privacy.mask(item.reply2Text));
        long expiresMillis = ((Number) em.createNativeQuery(
                "select floor(extract(epoch from expires_at) * 1000) from review_leases where item_id = ?1 and reviewer_id = ?2")
                .setParameter(1, itemId).setParameter(2, reviewerId).getSingleResult()).longValue();
        OffsetDateTime expires = java.time.Instant.ofEpochMilli(expiresMillis).atOffset(java.time.ZoneOffset.UTC);
        return new ReviewView(item.id, new ReviewView.Ticket(privacy.mask(item.ticketText)), item.predictedIntent,
                swapped ? List.of(two, one) : List.of(one, two), expires, ReviewView.Passage.masked(item.sources, privacy::mask));
    }

    @Transactional
    public Stored submit(long reviewerId, String reviewerName, long itemId, Submission submission) {
        submission.validate();
        // Before the judgement draws its id: a round fixing the newest judgement it reads waits for this write to commit.
        AdvisoryLock.sharedForTransaction(em, Judgement.WRITE_LOCK);
        ReviewItem item = (ReviewItem) single(em.createNativeQuery("select * from review_items where id = ?1 for update", ReviewItem.class)
                .setParameter(1, itemId).getResultList()).orElseThrow(() -> ApiException.notFound("No review item " + itemId + "."));
        Optional<Judgement> existing = Judgement.find("itemId = ?1 and reviewerId = ?2", itemId, reviewerId).firstResultOptional();
        if (existing.isPresent()) {
            if (!submission.repeats(existing.get())) {
                throw ApiException.conflict("already_judged", ReviewMessages.ALREADY_JUDGED);
            }
            return new Stored(existing.get().id, true);
        }
        Object[] lease = ReviewService.<Object[]>single(em.createNativeQuery(
                "select swapped, expires_at > now(), floor(extract(epoch from now() - leased_at) * 1000) from review_leases "
                        + "where item_id = ?1 and reviewer_id = ?2")
                .setParameter(1, itemId).setParameter(2, reviewerId).getResultList())
                .orElseThrow(() -> ApiException.conflict("not_leased", "This item was not handed to you: ask for the next item first."));
        boolean swapped = (Boolean) lease[0];
        boolean counts = !submission.choice().equals(Judgement.SKIP);
        if (!(Boolean) lease[1] && counts && !roomFor(item.id, reviewerId)) {
            throw ApiException.conflict("lease_expired", "Your time on this item ran out and it went to another reviewer.");
        }
        if (counts && !item.kind.equals(ReviewItem.GOLD) && item.judgements >= item.requiredJudgements) {
            throw ApiException.conflict("item_complete", "This item already has all the judgements it needs; go on to the next one.");
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
        ReviewItem item = (ReviewItem) single(em.createNativeQuery("select * from review_items where id = ?1 for update", ReviewItem.class)
                .setParameter(1, itemId).getResultList()).orElseThrow(() -> ApiException.notFound("No review item " + itemId + "."));
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
        em.createNativeQuery("""
                insert into review_leases (item_id, reviewer_id, swapped, expires_at) values (?1, ?2, ?3, now() + ?4 * interval '1 second')
                on conflict (item_id, reviewer_id) do update set swapped = excluded.swapped, leased_at = now(), expires_at = excluded.expires_at""")
                .setParameter(1, itemId).setParameter(2, reviewerId).setParameter(3, judgement.swapped)
                .setParameter(4, config.lease().toSeconds()).executeUpdate();
        return view(itemId, judgement.swapped, reviewerId);
    }

    /** Whether another reviewer may still take the item: stored judgements plus others' live leases below its need. */
    private boolean roomFor(long itemId, long reviewerId) {
        return ((Boolean) em.createNativeQuery("""
                select i.judgements + (select count(*) from review_leases l where l.item_id = i.id and l.reviewer_id <> ?2
                                       and l.expires_at > now()) < i.required_judgements
                from review_items i where i.id = ?1""").setParameter(1, itemId).setParameter(2, reviewerId).getSingleResult());
    }

    /** The pressed letter in the item's own terms: with the replies swapped, A is reply 2. */
    static String canonical(String shown, boolean swapped) {
        return switch (shown) {
            case "A" -> swapped ? "2" : "1";
            case "B" -> swapped ? "1" : "2";
            default -> shown;
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> Optional<T> single(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of((T) rows.get(0));
    }
}
