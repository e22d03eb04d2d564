package dev.loopwise.audit;

import dev.loopwise.common.RetentionMessages;
import dev.loopwise.common.db.BatchedRemoval;
import dev.loopwise.common.db.RetentionRuns;
import dev.loopwise.common.runtime.ApplicationStopping;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Every admin action writes an entry, so without a limit the trail grows for as long as Loopwise runs. When a retention is
 * set, entries older than it go, a batch per transaction so that no transaction holds many rows; the batch is found
 * through the trail's time index (V19), oldest first.
 */
@ApplicationScoped
public class AuditRetention {
    private static final Logger LOG = Logger.getLogger(AuditRetention.class);

    @Inject
    EntityManager em;
    @Inject
    AuditConfig config;
    @Inject
    RetentionRuns runs;

    @Scheduled(identity = "audit-retention", every = "6h", delayed = "17m", skipExecutionIf = ApplicationStopping.class)
    @Nonconcurrent
    void scheduled() {
        if (config.retentionMonths() == 0) {
            runs.record("audit-trail", RetentionMessages.keptAll("LOOPWISE_AUDIT_RETENTION_MONTHS"));
            return;
        }
        try {
            long removed = removeOlderThan(OffsetDateTime.now().minusMonths(config.retentionMonths()));
            if (removed > 0) {
                LOG.infof("Audit trail: removed %d entries older than %d months", removed, config.retentionMonths());
            }
            runs.record("audit-trail", RetentionMessages.removedOlder(removed, "entry|entries", config.retentionMonths()));
        } catch (RuntimeException e) {
            runs.record("audit-trail", RetentionMessages.failed(String.valueOf(e.getMessage())));
            throw e;
        }
    }

    /** Removes the entries recorded before {@code cutoff}; answers how many went. */
    public long removeOlderThan(OffsetDateTime cutoff) {
        return BatchedRemoval.olderThan(em, """
                delete from audit_events where id in (select id from audit_events where occurred_at < ?1
                  order by occurred_at, id limit ?2)""", cutoff);
    }
}
