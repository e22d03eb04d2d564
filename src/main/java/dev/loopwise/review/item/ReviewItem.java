package dev.loopwise.review.item;

import dev.loopwise.common.db.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A ticket with two candidate replies (1 and 2) for reviewers to compare. */
@Entity
@Table(name = "review_items")
public class ReviewItem extends IdentityEntity {
    public static final String OPEN = "open";
    public static final String COMPLETE = "complete";
    /** Skipped by {@code LOOPWISE_REVIEW_SET_ASIDE_AFTER_SKIPS} reviewers: no longer handed out nor counted as waiting. */
    public static final String SKIPPED = "skipped";
    public static final String REGULAR = "regular";
    public static final String OVERLAP = "overlap";
    public static final String GOLD = "gold";
    public static final String LIBRARY = "library";
    public static final String DRAFT = "draft";
    /** Gold items stay open: every reviewer may meet each one once. */
    public static final int GOLD_CAPACITY = 1_000_000;

    @Column(name = "ticket_text")
    public String ticketText;
    @Column(name = "ticket_hash")
    public String ticketHash;
    public String source;
    @Column(name = "source_id")
    public String sourceId;
    @Column(name = "predicted_intent")
    public String predictedIntent;
    /** Null when that side is an LLM draft ({@code reply1Kind} "draft"). */
    @Column(name = "reply1_id")
    public Long reply1Id;
    @Column(name = "reply2_id")
    public Long reply2Id;
    @Column(name = "reply1_kind")
    public String reply1Kind = LIBRARY;
    @Column(name = "reply2_kind")
    public String reply2Kind = LIBRARY;
    @Column(name = "reply1_text")
    public String reply1Text;
    @Column(name = "reply2_text")
    public String reply2Text;
    public String strategy;
    @Column(name = "model_version")
    public Integer modelVersion;
    @Column(name = "versus_version")
    public Integer versusVersion;
    public String kind = REGULAR;
    @Column(name = "required_judgements")
    public int requiredJudgements;
    @Column(name = "gold_choice")
    public String goldChoice;
    public int judgements;
    /** Reviewers who skipped it (gold items do not count them). */
    public int skips;
    public String status = OPEN;
    /** The passages the drafts were grounded on (null without drafts); set when the item is made, never changed. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public List<ReviewView.Passage> sources;
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    /**
     * The status its counts give: complete once it has the judgements it needs, set aside once {@code setAsideAfterSkips}
     * reviewers skipped it (0: never), open otherwise. When the whole team answered it, nobody is left to take it: complete
     * with the judgements it has, set aside if everyone skipped. A gold item stays open: every reviewer may meet it.
     */
    public String settledStatus(int setAsideAfterSkips, boolean answeredByWholeTeam) {
        if (kind.equals(GOLD)) {
            return OPEN;
        }
        if (judgements >= requiredJudgements || answeredByWholeTeam && judgements > 0) {
            return COMPLETE; // a team smaller than the judgements asked for gives what it has: left open, it would wait for ever
        }
        return answeredByWholeTeam || setAsideAfterSkips > 0 && skips >= setAsideAfterSkips ? SKIPPED : OPEN;
    }

    /** Items set aside after skips, among those made in the last {@code days} days. */
    public static long countSetAside(int days) {
        return count("status = ?1 and createdAt > ?2", SKIPPED, OffsetDateTime.now().minusDays(days));
    }

    /**
     * Tickets without an intent that no review item was made from yet, among the newest {@code newest} of them: the ones the
     * queue can still make items from (as its refill does). Bounded, since a large history's older ones were long reviewed.
     */
    public static long countUnreviewedTickets(int newest) {
        return ((Number) getEntityManager().createNativeQuery("""
                select count(*) from (select text_hash from tickets where intent_id is null order by id desc limit ?1) t
                where not exists (select 1 from review_items i where i.ticket_hash = t.text_hash)""")
                .setParameter(1, newest).getSingleResult()).longValue();
    }

    /** Whether any item was ever made: the database stops at the first row, where counting read every item of the history. */
    public static boolean anyEver() {
        return (Boolean) getEntityManager().createNativeQuery(ANY_EVER).getSingleResult();
    }

    private static final String ANY_EVER = "select exists (select 1 from review_items)";

    public static long countOpen() {
        return count("status = ?1 and kind <> ?2", OPEN, GOLD);
    }

    /**
     * Open items another reviewer could take now: not gold, with fewer judgements and live leases than they need.
     * Items on reviewers' screens are open but not waiting, so a full team never reads as a full queue.
     */
    public static long countWaiting() {
        return ((Number) getEntityManager().createNativeQuery("""
                select count(*) from review_items i
                left join (select item_id, count(*) as held from review_leases where expires_at > now() group by item_id) l
                       on l.item_id = i.id
                where i.status = 'open' and i.kind <> 'gold' and i.judgements + coalesce(l.held, 0) < i.required_judgements""")
                .getSingleResult()).longValue();
    }

    /** Open items this reviewer could take now: not gold, not answered by them, with room beside others' live leases. */
    public static long countWaitingFor(long reviewerId) {
        return ((Number) getEntityManager().createNativeQuery("""
                select count(*) from review_items i where i.status = 'open' and i.kind <> 'gold'
                  and not exists (select 1 from judgements j where j.item_id = i.id and j.reviewer_id = ?1)
                  and i.judgements + (select count(*) from review_leases l where l.item_id = i.id and l.reviewer_id <> ?1
                                      and l.expires_at > now()) < i.required_judgements""")
                .setParameter(1, reviewerId).getSingleResult()).longValue();
    }

    /**
     * Whether every enabled account that may review (reviewers, and admins, who may review too) judged or skipped this
     * item: nobody is left who could take it, however many judgements it was made to collect.
     */
    public static boolean answeredByWholeTeam(long itemId) {
        return (Boolean) getEntityManager().createNativeQuery("""
                select not exists (select 1 from users u where u.disabled_at is null
                                     and (u.roles like '%reviewer%' or u.roles like '%admin%')
                                     and not exists (select 1 from judgements j where j.item_id = ?1 and j.reviewer_id = u.id))""")
                .setParameter(1, itemId).getSingleResult();
    }

    /** Reviewers holding a live lease: the team at work now. */
    public static long countReviewersAtWork() {
        return ((Number) getEntityManager().createNativeQuery(
                "select count(distinct reviewer_id) from review_leases where expires_at > now()").getSingleResult()).longValue();
    }
}
