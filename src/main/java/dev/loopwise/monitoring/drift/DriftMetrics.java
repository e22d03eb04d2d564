package dev.loopwise.monitoring.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.loopwise.common.runtime.ApplicationStopping;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The latest drift signals as Prometheus gauges ({@code loopwise_drift_signal{signal="input/mmd2"}}) and alert counters.
 * A check runs on one instance at a time, any of them, while Prometheus scrapes each instance: every instance reads the
 * newest report from the database, so all of them give the latest check's values, not the one each ran itself last.
 */
@ApplicationScoped
public class DriftMetrics {
    private static final Logger LOG = Logger.getLogger(DriftMetrics.class);
    static final String VERSION = "model_version";

    @Inject
    MeterRegistry registry;
    @Inject
    EntityManager em;

    private final Map<String, Double> latest = new ConcurrentHashMap<>();

    void update(int version, Map<String, Object> signals) {
        Map<String, Double> values = new ConcurrentHashMap<>();
        values.put(VERSION, (double) version);
        signals.forEach((name, value) -> {
            if (value instanceof Number n) {
                values.put(name, n.doubleValue());
            }
        });
        show(values);
    }

    /** A signal the newest report lacks reads NaN: its value from an older report would pass for the latest. */
    private synchronized void show(Map<String, Double> values) {
        values.keySet().forEach(name -> {
            if (!VERSION.equals(name) && !latest.containsKey(name)) {
                Gauge.builder("loopwise.drift.signal", latest, m -> m.getOrDefault(name, Double.NaN))
                        .tag("signal", name).description("Latest value of a drift signal").register(registry);
            }
        });
        latest.keySet().retainAll(values.keySet());
        latest.putAll(values);
    }

    // Every instance reads for itself: in Quartz's shared store only one instance would, per period.
    @Scheduled(identity = "drift-metrics-refresh", every = "10s", executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = ApplicationStopping.class)
    void refresh() {
        try {
            QuarkusTransaction.requiringNew().run(this::readNewest);
        } catch (RuntimeException e) {
            LOG.debugf("Could not read the newest drift report (kept the signals in memory): %s", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private void readNewest() {
        List<Object[]> rows = em.createNativeQuery("select model_version, cast(signals as text) from drift_reports order by id desc limit 1")
                .getResultList();
        if (rows.isEmpty()) {
            show(Map.of()); // reports all past retention: every instance reads NaN, as a new one would
            return;
        }
        try {
            Map<String, Object> signals = DriftStore.JSON.readValue((String) rows.get(0)[1], new TypeReference<>() {
            });
            update(((Number) rows.get(0)[0]).intValue(), signals);
        } catch (JsonProcessingException e) {
            LOG.debugf("The newest drift report's signals could not be read: %s", e.getMessage());
        }
    }

    void alert(String signal) {
        registry.counter("loopwise.drift.alerts", "signal", signal).increment();
    }
}
