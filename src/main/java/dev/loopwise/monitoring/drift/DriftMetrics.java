package dev.loopwise.monitoring.drift;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The latest drift signals as Prometheus gauges ({@code loopwise_drift_signal{signal="input/mmd2"}}) and alert counters. */
@ApplicationScoped
public class DriftMetrics {
    @Inject
    MeterRegistry registry;

    private final Map<String, Double> latest = new ConcurrentHashMap<>();

    void update(int version, Map<String, Object> signals) {
        latest.put("model_version", (double) version);
        signals.forEach((name, value) -> {
            if (value instanceof Number n) {
                if (!latest.containsKey(name)) {
                    Gauge.builder("loopwise.drift.signal", latest, m -> m.getOrDefault(name, Double.NaN))
                            .tag("signal", name).description("Latest value of a drift signal").register(registry);
                }
                latest.put(name, n.doubleValue());
            }
        });
    }

    void alert(String signal) {
        registry.counter("loopwise.drift.alerts", "signal", signal).increment();
    }
}
