package dev.loopwise.ticket;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.db.IdentityEntity;
import dev.loopwise.common.text.PlainText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An entry of the reply library: a reply in the brand's voice for one intent, with {@code {{slots}}}. */
@Entity
@Table(name = "replies")
public class Reply extends IdentityEntity {
    public static final String ACTIVE = "active";
    public static final String PENDING = "pending";
    public static final String RETIRED = "retired";
    /** Characters a reply may have, as a person counts them. */
    public static final int MAX_LENGTH = 4000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "intent_id")
    public Intent intent;

    public String text;
    public String status = ACTIVE;
    public String source = "library";

    /** The judgement whose rewrite proposed this reply, if any. */
    @Column(name = "judgement_id")
    public Long judgementId;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    /** The {@code limit} oldest replies waiting for an admin's decision. */
    public static List<Reply> listPending(int limit) {
        return find("from Reply r join fetch r.intent where r.status = ?1 order by r.id", PENDING).page(0, limit).list();
    }

    public static long countPending() {
        return count("status", PENDING);
    }

    public static List<Reply> listActive() {
        return find("from Reply r join fetch r.intent where r.status = ?1 order by r.intent.name, r.id", ACTIVE).list();
    }

    /** Active replies per intent id. */
    public static Map<Long, Long> countsByIntent() {
        Map<Long, Long> counts = new LinkedHashMap<>();
        getEntityManager().createQuery("select r.intent.id, count(r) from Reply r where r.status = :status "
                + "group by r.intent.id", Object[].class).setParameter("status", ACTIVE).getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }

    /** Class of the advisory locks on replies' words ("Rp" in ASCII): the two-key locks are a space of their own. */
    private static final int TEXT_LOCK_CLASS = 0x5270;

    /**
     * Until the transaction ends, others taking this lock for the same words wait: a check that no other intent has them
     * then holds until this one's reply is stored (different words rarely share a key, and then only take turns).
     */
    public static void lockText(String text) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))").setParameter(1, TEXT_LOCK_CLASS)
                .setParameter(2, text).getSingleResult();
    }

    /**
     * Refuses a text customers must not be sent as this intent's reply: too long, holding control characters or
     * invisible marks (one that reverses the writing direction would reach them as it is), or the same as another active
     * reply of the intent. Every way into the library (the editor, an accepted rewrite) goes through it.
     */
    public static void requirePublishable(Intent intent, String clean, Long replacing) {
        if (PlainText.length(clean) > MAX_LENGTH) {
            throw ApiException.badRequest("reply_too_long", "A reply has at most " + MAX_LENGTH + " characters.");
        }
        String hidden = PlainText.firstHiddenCharacter(clean);
        if (hidden != null) {
            throw ApiException.badRequest("invalid_reply", "A reply cannot hold control characters or invisible marks such as one that "
                    + "reverses the writing direction (found " + hidden + "); remove it and save again.");
        }
        String slots = SlotSyntax.problem(clean);
        if (slots != null) {
            throw ApiException.badRequest("invalid_slot", slots);
        }
        Reply.<Reply>find("intent = ?1 and text = ?2 and status = ?3", intent, clean, ACTIVE).firstResultOptional()
                .filter(same -> !same.id.equals(replacing)).ifPresent(same -> {
                    throw ApiException.conflict("reply_exists", "The intent '" + intent.name + "' already has this reply (reply "
                            + same.id + ").");
                });
    }
}
