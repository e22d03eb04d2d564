package dev.loopwise.monitoring.drift;

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
 * Drift checks are written every few dozen requests, so without a limit their table would grow with all the traffic ever
 * served, long after the request log dropped those months. Checks older than the retention go, a batch per transaction so
 * that no transaction holds many rows; a check that raised an alert stays, as the alert's evidence.
 */
@ApplicationScoped
public class DriftReportRetention {
    private static final Logger LOG = Logger.getLogger(DriftReportRetention.class);

    @Inject
    EntityManager em;
    @Inject
    MonitoringConfig config;
    @Inject
    RetentionRuns runs;

    @Scheduled(identity = "drift-report-retention", every = "6h", delayed = "13m", skipExecutionIf = ApplicationStopping.class)
    @Nonconcurrent
    void scheduled() {
        if (config.reportRetentionMonths() == 0) {
            runs.record("drift-checks", RetentionMessages.keptAll("LOOPWISE_MONITORING_REPORT_RETENTION_MONTHS"));
            return;
        }
        try {
            long removed = removeOlderThan(OffsetDateTime.now().minusMonths(config.reportRetentionMonths()));
            if (removed > 0) {
                LOG.infof("Drift checks: removed %d older than %d months", removed, config.reportRetentionMonths());
            }
            runs.record("drift-checks", RetentionMessages.removedOlder(removed, "drift check", config.reportRetentionMonths()));
        } catch (RuntimeException e) {
            runs.record("drift-checks", RetentionMessages.failed(String.valueOf(e.getMessage())));
            throw e;
        }
    }

    /** Removes the checks made before {@code cutoff} that raised no alert; answers how many went. */
    public long removeOlderThan(OffsetDateTime cutoff) {
        return BatchedRemoval.olderThan(em, """
                delete from drift_reports where id in (select r.id from drift_reports r where r.created_at < ?1
                  and not exists (select 1 from drift_alerts a where a.report_id = r.id) order by r.created_at limit ?2)""", cutoff);
    }
}
