package dev.loopwise.review;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.ReviewAdminMessages;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.judging.ReviewTallies;
import dev.loopwise.review.judging.TallySums;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What an admin does with review data: accept or discard rewrites, fix gold answers, compare a candidate. */
@ApplicationScoped
public class ReviewAdminService {
    @Inject
    ReviewTallies tallies;
    @Inject
    AuditLog audit;

    /**
     * A reviewer's rewrite becomes a library reply, or is discarded. It was filed under the intent the model predicted
     * for its ticket, which can be wrong: accepting may move it to the intent the admin names ({@code intentName}, null or
     * blank: the one it was filed under).
     */
    @Transactional
    public void decideRewrite(long replyId, boolean accept, String intentName) {
        pendingIntent(replyId); // a rewrite decided or gone is 404 first, whatever intent is named
        // Intent rows are locked before reply rows, as a merge of intents locks them: the other way round, accepting a rewrite
        // while its intent is merged away would have each wait for the row the other holds. As a library save does, the
        // intent's row also makes its replies' saves take turns, so the check below that it has no such reply yet holds.
        Intent named = !accept || intentName == null || intentName.isBlank() ? null
                : Intent.findByNameForEditing(intentName.strip()).orElseThrow(() -> ApiException.badRequest(
                        "unknown_intent", ReviewAdminMessages.rewriteIntentUnknown(intentName.strip())));
        Reply reply = lockPending(replyId, accept && named == null);
        if (accept) {
            Intent intent = named != null ? named : reply.intent;
            Reply.requirePublishable(intent, reply.text, reply.id);
            // The same words under two intents would teach the policy that one reply fits both. Two such rewrites accepted
            // at once under two intents would each find the other not yet there: the words make them take turns.
            Reply.lockText(reply.text);
            Reply.<Reply>find("text = ?1 and status = ?2 and intent != ?3", reply.text, Reply.ACTIVE, intent).firstResultOptional()
                    .ifPresent(same -> {
                        throw ApiException.conflict("reply_exists", ReviewAdminMessages.rewriteElsewhere(same.id, same.intent.name));
                    });
            reply.intent = intent;
        }
        reply.status = accept ? Reply.ACTIVE : Reply.RETIRED;
        audit.record(accept ? "rewrite.accept" : "rewrite.discard", "reply " + replyId, Map.of("text", reply.text, "intent", reply.intent.name));
    }

    /** The intent a pending rewrite is filed under, read without a lock; 404 when there is no such rewrite waiting. */
    private static long pendingIntent(long replyId) {
        List<?> found = Reply.getEntityManager().createNativeQuery("select intent_id from replies where id = ?1 and status = ?2")
                .setParameter(1, replyId).setParameter(2, Reply.PENDING).getResultList();
        if (found.isEmpty()) {
            throw ApiException.notFound("No pending rewrite " + replyId + ".");
        }
        return ((Number) found.get(0)).longValue();
    }

    /**
     * The pending rewrite, its row locked: another admin's decision on it is waited for, and this one is then refused.
     * With {@code withItsIntent}, the row of the intent it is filed under is locked first; a merge may move it meanwhile, and
     * then its new intent is locked instead.
     */
    private static Reply lockPending(long replyId, boolean withItsIntent) {
        EntityManager em = Reply.getEntityManager();
        for (int attempt = 0; attempt < 5; attempt++) {
            long intentId = pendingIntent(replyId);
            if (withItsIntent && em.createNativeQuery("select id from intents where id = ?1 for update").setParameter(1, intentId)
                    .getResultList().isEmpty()) {
                continue; // merged away while this waited: the rewrite is under the intent it was merged into now
            }
            Reply reply = Reply.<Reply>findByIdOptional(replyId).orElseThrow(() -> ApiException.notFound("No pending rewrite " + replyId + "."));
            em.refresh(reply, LockModeType.PESSIMISTIC_WRITE);
            if (!reply.status.equals(Reply.PENDING)) {
                throw ApiException.notFound("No pending rewrite " + replyId + ".");
            }
            if (!withItsIntent || reply.intent.id == intentId) {
                return reply;
            }
        }
        throw ApiException.conflict("rewrite_moving", ReviewAdminMessages.rewriteMoving(replyId));
    }

    /** Makes an item a gold item with the answer an admin fixed (in the item's terms: 1, 2, tie, both_bad, out_of_scope). */
    @Transactional
    public void makeGold(long itemId, String answer) {
        if (answer == null || !Set.of("1", "2", "tie", "both_bad", Judgement.OUT_OF_SCOPE).contains(answer)) {
            throw ApiException.badRequest("invalid_gold", "A gold answer is 1, 2, tie, both_bad or out_of_scope.");
        }
        ReviewItem item = ReviewItem.<ReviewItem>findByIdOptional(itemId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("No review item " + itemId + "."));
        // Its votes now count as gold answers, no longer as overlap votes: the figures follow.
        TallySums.Item before = tallies.read(item);
        item.kind = ReviewItem.GOLD;
        item.goldChoice = answer;
        item.requiredJudgements = ReviewItem.GOLD_CAPACITY;
        item.status = ReviewItem.OPEN;
        tallies.record(before, tallies.read(item));
        audit.record("review.gold", "review item " + itemId, Map.of("answer", answer));
    }

    /** Reviewers compare this candidate's replies with the active version's (or stop doing so). */
    @Transactional
    public void compare(int version, boolean on) {
        ModelVersion candidate = ModelVersion.findByVersion(version)
                .orElseThrow(() -> ApiException.notFound(LifecycleMessages.noVersion(version)));
        if (on && !candidate.comparable()) {
            throw ApiException.conflict("not_a_candidate", "Only a version that never answered customers can be compared with the active one.");
        }
        ModelVersion active = ModelVersion.findActive().orElse(null);
        if (on && active != null && candidate.checksum != null && candidate.checksum.equals(active.checksum)) {
            // Both would pick the same reply for every ticket: no item could pair them, yet the page would say "being compared".
            throw ApiException.conflict("same_as_active", ReviewAdminMessages.sameAsActive(version, active.version));
        }
        // Not the candidate itself: the bulk update would leave its loaded copy saying true, and setting true again writes nothing.
        ModelVersion.update("underReview = false where underReview = true and version <> ?1", version);
        candidate.underReview = on;
        audit.record(on ? "review.compare_start" : "review.compare_stop", "model version " + version, Map.of());
    }

    /**
     * A reviewer's rewrite waiting for a decision, with the ticket it answers (a reply cannot be judged without it);
     * {@code intentGuessed} when the model found that ticket out of scope, so the rewrite was filed under the intent of
     * the reply it rewrote, which the admin should check.
     */
    public record PendingRewrite(Reply reply, String ticket, boolean intentGuessed) {
    }

    /** The {@code limit} oldest pending rewrites, each with its ticket (one query for them all). */
    @SuppressWarnings("unchecked")
    public static List<PendingRewrite> pendingRewrites(int limit) {
        List<Reply> pending = Reply.listPending(limit);
        if (pending.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> items = new HashMap<>();
        List<Object[]> rows = ReviewItem.getEntityManager().createNativeQuery("""
                select j.id, i.ticket_text, i.predicted_intent from judgements j join review_items i on i.id = j.item_id where j.id = any(?1)""")
                .setParameter(1, pending.stream().map(r -> r.judgementId).filter(Objects::nonNull).toArray(Long[]::new))
                .getResultList();
        rows.forEach(r -> items.put(((Number) r[0]).longValue(), r));
        return pending.stream().map(r -> {
            Object[] item = r.judgementId == null ? null : items.get(r.judgementId);
            return new PendingRewrite(r, item == null ? null : (String) item[1], item != null && item[2] == null);
        }).toList();
    }

    /** Gold items first (their answers can be corrected only where they are listed), then the newest items. */
    public static List<ReviewItem> recentItems(int limit) {
        Map<Long, ReviewItem> shown = new LinkedHashMap<>();
        ReviewItem.<ReviewItem>find("status = ?1 and kind = ?2 order by id desc", ReviewItem.OPEN, ReviewItem.GOLD).page(0, limit)
                .list().forEach(item -> shown.put(item.id, item));
        ReviewItem.<ReviewItem>find("order by id desc").page(0, limit).list().forEach(item -> shown.putIfAbsent(item.id, item));
        return List.copyOf(shown.values());
    }
}
