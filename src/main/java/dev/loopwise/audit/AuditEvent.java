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

    /**
     * Events in [since, until), oldest first, after {@code afterId}: the export reads the table in such
     * pages, so it never holds more than one page in memory however long the trail is.
     */
    public static List<AuditEvent> between(OffsetDateTime since, OffsetDateTime until, long afterId, int size) {
        return find("occurredAt >= ?1 and occurredAt < ?2 and id > ?3 order by id", since, until, afterId).page(0, size).list();
    }
}
