package dev.loopwise.monitoring.drift;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** POSTs each drift alert as JSON to the configured URL, and records how that went. */
@ApplicationScoped
public class WebhookNotifier {
    @Inject
    MonitoringConfig config;
    @Inject
    DriftStore store;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    void send(long alertId, Map<String, Object> payload) {
        if (config.webhookUrl().isEmpty()) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.webhookUrl().get())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(DriftStore.json(payload))).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) ->
                store.webhookStatus(alertId, failure != null ? "failed: " + failure.getMessage() : "sent, HTTP " + response.statusCode()));
    }
}
