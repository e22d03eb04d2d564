package dev.loopwise.audit;

import dev.loopwise.common.db.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One admin action: who, when, what was done and to what. Written once, never changed. */
@Entity
@Table(name = "audit_events")
public class AuditEvent extends IdentityEntity {
    @Column(name = "occurred_at", updatable = false)
    public OffsetDateTime occurredAt;

    @Column(updatable = false)
    public String actor;

    @Column(updatable = false)
    public String action;

    @Column(updatable = false)
    public String target;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public Map<String, Object> details = new LinkedHashMap<>();

    /** A page of the newest events; {@code beforeId} (exclusive) continues from a previous page, null starts at the newest. */
    public static List<AuditEvent> newestFirst(Long beforeId, int size) {
        return beforeId == null
                ? find("order by id desc").page(0, size).list()
                : find("id < ?1 order by id desc", beforeId).page(0, size).list();
    }

    /** The same page of one actor's events, read along the (actor, id) index however rare the actor is. */
    public static List<AuditEvent> newestFirstBy(String actor, Long beforeId, int size) {
        return beforeId == null
                ? find("actor = ?1 order by id desc", actor).page(0, size).list()
                : find("actor = ?1 and id < ?2 order by id desc", actor, beforeId).page(0, size).list();
    }

    /** Whether any event (of {@code actor}, null: anyone's) has an id of {@code id} or above: a page below it has newer ones. */
    public static boolean anyFrom(String actor, long id) {
        return (actor == null ? find("id >= ?1", id) : find("actor = ?1 and id >= ?2", actor, id)).firstResultOptional()
                .isPresent();
    }

    /**
     * Everyone with an entry, by name, at most {@code limit}: one index lookup per name (a skip scan), where
     * {@code select distinct} would read the whole trail.
     */
    @SuppressWarnings("unchecked")
    public static List<String> actors(int limit) {
        return getEntityManager().createNativeQuery("""
                with recursive named (actor) as (
                    select min(actor) from audit_events
                    union all
                    select (select min(e.actor) from audit_events e where e.actor > named.actor) from named where named.actor is not null)
                select actor from named where actor is not null limit ?1""").setParameter(1, limit).getResultList();
    }

    /**
     * The export's page: entries in [since, until) after the cursor ({@code afterTime}, {@code afterId}), oldest first.
     * The order is the time index's own (occurred_at, id), so each page is one range read of that index, as many rows as
     * it returns: ordered by id alone, PostgreSQL either walked the primary key past every entry before {@code since}
     * or read the whole window through the time index and sorted it, once per page.
     */
    static final String BETWEEN_SQL = """
            select * from audit_events where occurred_at >= ?1 and occurred_at < ?2 and (occurred_at, id) > (?3, ?4)
            order by occurred_at, id limit ?5""";

    /**
     * Events in [since, until), oldest first, after the entry {@code after} (null: from {@code since}): the export reads
     * the table in such pages, so it never holds more than one page in memory however long the trail is.
     */
    @SuppressWarnings("unchecked")
    public static List<AuditEvent> between(OffsetDateTime since, OffsetDateTime until, AuditEvent after, int size) {
        return getEntityManager().createNativeQuery(BETWEEN_SQL, AuditEvent.class).setParameter(1, since).setParameter(2, until)
                .setParameter(3, after == null ? since : after.occurredAt).setParameter(4, after == null ? 0L : after.id)
                .setParameter(5, size).getResultList();
    }
}
