package dev.loopwise.ticket;

import dev.loopwise.common.IdentityEntity;
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

    public static List<Reply> listPending() {
        return find("from Reply r join fetch r.intent where r.status = ?1 order by r.id", PENDING).list();
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
}
