package dev.loopwise.monitoring.drift;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.job.AdvisoryLock;
import dev.loopwise.common.runtime.ApplicationStopping;
import dev.loopwise.model.Vectors;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.registry.version.ModelRegistry;
import dev.loopwise.model.registry.version.ServingModel;
import io.agroal.api.AgroalDataSource;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Checks the active version's traffic for drift whenever enough new requests have arrived (on a
 * schedule, or on demand), stores the report, raises the alerts it confirms, and hands them to
 * {@link DriftActions}. The scheduled check runs on one instance per period (a cluster-wide Quartz job); a check
 * asked for on demand may coincide with it, so one check runs at a time (a PostgreSQL advisory lock).
 */
@ApplicationScoped
public class MonitoringService {
    private static final Logger LOG = Logger.getLogger(MonitoringService.class);
    static final long CHECK_LOCK = 0x44726966744c6b21L;

    @Inject
    MonitoringConfig config;
    @Inject
    ModelRegistry registry;
    @Inject
    DriftReference references;
    @Inject
    DriftWindow windows;
    @Inject
    DriftStore store;
    @Inject
    DriftActions actions;
    @Inject
    WebhookNotifier webhook;
    @Inject
    DriftMetrics metrics;
    @Inject
    AgroalDataSource dataSource;

    public record Checked(long reportId, int version, DriftDetector.Report report, Set<String> confirmed) {
    }

    @Scheduled(identity = "drift-check", every = "${loopwise.monitoring.check-interval:30s}",
            skipExecutionIf = ApplicationStopping.class)
    @Nonconcurrent
    void scheduled() {
        if (config.enabled()) {
            try {
                actions.wakeWaiting();
                check(false);
            } catch (Throwable e) {
                // An Error too: the next check runs on schedule either way, and the log says why this one stopped.
                LOG.warn("Drift check failed", e);
            }
        }
    }

    /** Checks now if enough new traffic arrived since the last check ({@code force}: whenever a window's worth exists). */
    public Optional<Checked> check(boolean force) {
        Optional<ServingModel> model = registry.current();
        if (model.isEmpty()) {
            return Optional.empty();
        }
        int version = model.get().version();
        try (Connection lock = dataSource.getConnection()) {
            if (!AdvisoryLock.tryLock(lock, CHECK_LOCK)) {
                if (force) {
                    // Asked for by a person: "nothing to do" (204) would read as done.
                    throw ApiException.conflict("check_running", "A drift check is running right now (the scheduled one, or"
                            + " another request's); its result appears on the drift page in a few seconds. Ask again after it.");
                }
                return Optional.empty();
            }
            try {
                return checkLocked(version, model.get().encoder(), force);
            } finally {
                AdvisoryLock.unlock(lock, CHECK_LOCK);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the drift-check lock", e);
        }
    }

    private Optional<Checked> checkLocked(int version, EncoderRef encoder, boolean force) {
        Optional<DriftStore.Last> last = store.last(version);
        if (!force && windows.requestsSince(version, last.map(DriftStore.Last::windowTo).orElse(null), config.stride()) < config.stride()) {
            return Optional.empty();
        }
        long total = windows.requestsSince(version, null, config.window());
        if (total < config.window()) {
            if (force) {
                throw ApiException.conflict("not_enough_traffic", "A drift check needs " + config.window() + " served requests of v"
                        + version + "; it has " + total + ".");
            }
            return Optional.empty();
        }
        Optional<DriftDetector.Reference> reference = references.of(version, encoder);
        if (reference.isEmpty()) {
            return Optional.empty();
        }
        DriftWindow.Read read = windows.latest(version, encoder, config.window());
        if (read.window().size() < config.window()) {
            // Counted above but blanked since by the text retention: an empty window would read as confidence falling to zero.
            if (force) {
                throw ApiException.conflict("not_enough_traffic", "A drift check needs " + config.window() + " served requests of v"
                        + version + " that still have their text; it has " + read.window().size() + " (requests older than the text"
                        + " retention, LOOPWISE_SERVING_TEXT_RETENTION_DAYS, keep only their figures).");
            }
            return Optional.empty();
        }
        DriftDetector.Report report = DriftDetector.check(reference.get(), read.window(), config.settings());
        Confirmation confirmation = new Confirmation(config.confirmations());
        confirmation.seed(last.map(DriftStore.Last::streaks).orElse(Map.of()));
        Set<String> confirmed = confirmation.update(report.alerts());
        long reportId = store.saveReport(version, read, report, confirmed, confirmation.streaks());
        metrics.update(version, report.signals());
        List<Long> alertIds = new ArrayList<>();
        for (DriftDetector.Alert alert : report.alerts()) {
            if (confirmed.contains(alert.signal())) {
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("windowFrom", String.valueOf(read.from()));
                evidence.put("windowTo", String.valueOf(read.to()));
                evidence.put("requests", read.window().size());
                evidence.put("newTopics", report.newTopics());
                evidence.put("signals", report.signals());
                long alertId = store.saveAlert(reportId, version, alert, evidence);
                alertIds.add(alertId);
                metrics.alert(alert.signal());
                LOG.warnf("Drift alert on v%d: %s", version, alert.message());
                webhook.send(alertId, version, alert.message(), WebhookNotifier.payload(evidence, alert, version));
            }
        }
        actions.afterCheck(confirmed, alertIds, read, mostUnfamiliar(reference.get(), read));
        return Optional.of(new Checked(reportId, version, report, confirmed));
    }

    /** The window's requests, most unlike the training tickets first: the ones worth a reviewer's look. */
    private static List<Integer> mostUnfamiliar(DriftDetector.Reference reference, DriftWindow.Read read) {
        float[][] x = read.window().vectors();
        double[] nearest = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double best = -1;
            for (float[] r : reference.neighbours()) {
                best = Math.max(best, Vectors.dot(x[i], r));
            }
            nearest[i] = best;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> nearest[i]));
        List<Integer> distinct = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i : order) {
            if (seen.add(read.hashes().get(i))) {
                distinct.add(i);
            }
        }
        return distinct;
    }

}
