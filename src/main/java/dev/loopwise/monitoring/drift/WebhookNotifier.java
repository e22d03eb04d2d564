package dev.loopwise.monitoring.drift;

import dev.loopwise.common.DriftMessages;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * POSTs each drift alert as JSON to the configured URL, and records how that went on the alert. The first attempt runs
 * beside the drift check, never in it: a slow or dead receiver costs the check nothing. A failed attempt (no answer, or an
 * answer other than 2xx) is tried again, {@link #ATTEMPTS} times in all, waiting longer each time, since chat services shed
 * load for a minute or so. The retries wait in Quartz's clustered store ({@link WebhookRetries}), not in this instance's
 * memory, so any instance makes them and a stop between attempts loses none; each rebuilds its body from the alert row and
 * signs it afresh. What finally happened is on the Drift page and, when it failed, in the log.
 */
@ApplicationScoped
public class WebhookNotifier {
    private static final Logger LOG = Logger.getLogger(WebhookNotifier.class);
    static final int ATTEMPTS = 3;
    /** The evidence's fields in the order a drift check writes them: a retry's body, rebuilt from the row, keeps it. */
    private static final List<String> EVIDENCE_ORDER = List.of("windowFrom", "windowTo", "requests", "newTopics", "signals");

    /** How long one attempt may take, and the wait before the first retry (the second waits six times as long). */
    record Pace(Duration timeout, Duration firstRetry) {
        static final Pace DEFAULT = new Pace(Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    /** The longest a delivery at the default pace can take: every attempt waiting out its timeout, and both retries' waits. */
    static final Duration LONGEST_DELIVERY = Pace.DEFAULT.timeout().multipliedBy(ATTEMPTS)
            .plus(Pace.DEFAULT.firstRetry().multipliedBy(1 + 6));

    @Inject
    MonitoringConfig config;
    @Inject
    DriftStore store;
    @Inject
    WebhookRetries retries;

    // HTTP/1.1: on a plain http:// address the client would otherwise ask to upgrade to HTTP/2 in the POST itself, which
    // some receivers and proxies refuse; one small POST gains nothing from HTTP/2.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .build();

    /** What to fix when a secret is set without an address to sign for, else empty. */
    public static Optional<String> unusedSecret(MonitoringConfig config) {
        return config.webhookSecret().isPresent() && config.webhookUrl().isEmpty()
                ? Optional.of(DriftMessages.WEBHOOK_SECRET_WITHOUT_URL) : Optional.empty();
    }

    /** Said at start, not refused: alerts still show on Drift, and the receiver may simply not be set up yet. */
    void warnOfUnusedSecret(@Observes StartupEvent event) {
        unusedSecret(config).ifPresent(LOG::warn);
    }

    /** What an alert's body carries besides its text: the check's evidence, the alert, and the version it is about. */
    static Map<String, Object> payload(Map<String, Object> evidence, DriftDetector.Alert alert, int version) {
        Map<String, Object> payload = new LinkedHashMap<>();
        EVIDENCE_ORDER.stream().filter(evidence::containsKey).forEach(key -> payload.put(key, evidence.get(key)));
        payload.putAll(evidence);
        payload.put("alert", alert);
        payload.put("modelVersion", version);
        return payload;
    }

    void send(long alertId, int version, String message, Map<String, Object> payload) {
        if (config.webhookUrl().isPresent()) {
            try {
                URI target = URI.create(config.webhookUrl().get());
                deliver(target, config.webhookSecret(), config.webhookFormat().at(target), alertId, version, message, payload,
                        Pace.DEFAULT);
            } catch (RuntimeException e) {
                // The start checks the address; should anything still go wrong here, the check and its actions go on.
                settle(alertId, "LOOPWISE_MONITORING_WEBHOOK_URL", DriftMessages.webhookNotSent(e.getClass().getSimpleName()));
            }
        }
    }

    /**
     * Makes the first attempt and answers at once; the future ends with the status that attempt recorded on the alert
     * (sent, or failed and when the next attempt is due).
     */
    CompletableFuture<String> deliver(URI target, Optional<String> secret, WebhookFormat format, long alertId, int version,
            String message, Map<String, Object> payload, Pace pace) {
        return attempt(target, secret, format, alertId, version, message, payload, pace, 1);
    }

    /**
     * Attempt {@code attempt}, fired by Quartz on any instance: rebuilt from the alert row and sent to the address configured
     * now. Does nothing when the alert is gone or no longer waits for this attempt (sent, settled, or a repeated firing).
     */
    void retry(long alertId, int attempt, Pace pace) {
        Optional<DriftStore.Stored> stored = store.alert(alertId);
        String awaited = "attempt " + (attempt - 1) + " of " + ATTEMPTS + " failed";
        if (stored.isEmpty() || stored.get().webhookStatus() == null || !stored.get().webhookStatus().startsWith(awaited)
                || !stored.get().webhookStatus().contains(DriftMessages.WEBHOOK_TRYING_AGAIN)) {
            return;
        }
        DriftStore.Stored alert = stored.get();
        if (config.webhookUrl().isEmpty()) {
            settle(alertId, "LOOPWISE_MONITORING_WEBHOOK_URL", DriftMessages.webhookUrlRemoved(alert.webhookStatus()));
            return;
        }
        try {
            URI target = URI.create(config.webhookUrl().get());
            attempt(target, config.webhookSecret(), config.webhookFormat().at(target), alertId, alert.version(), alert.message(),
                    alert.payload(), pace, attempt).join();
        } catch (IllegalArgumentException e) {
            // As for the first attempt: the start checks the address, and an alert must not stay "trying again" for ever.
            settle(alertId, "LOOPWISE_MONITORING_WEBHOOK_URL", DriftMessages.webhookNotSent(e.getClass().getSimpleName()));
        }
    }

    private CompletableFuture<String> attempt(URI target, Optional<String> secret, WebhookFormat format, long alertId, int version,
            String message, Map<String, Object> payload, Pace pace, int attempt) {
        String json = DriftStore.json(format.body(alertId, version, message, payload));
        // Signed at each attempt: a retry a minute later carries its own timestamp, which a receiver that refuses old
        // deliveries still accepts.
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(pace.timeout()).header("Content-Type", "application/json")
                .header("User-Agent", "Loopwise").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        secret.ifPresent(key -> {
            long timestamp = Instant.now().getEpochSecond();
            request.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(key, timestamp, json));
        });
        String where = target.getScheme() + "://" + target.getAuthority();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                return settle(alertId, where, DriftMessages.webhookSent(response.statusCode(), attempt, ATTEMPTS));
            }
            String problem = failure == null ? DriftMessages.webhookAnswered(response.statusCode()) : problem(failure, where, pace);
            if (attempt == ATTEMPTS) {
                return settle(alertId, where, DriftMessages.webhookFailed(ATTEMPTS, problem));
            }
            return later(alertId, where, pace, attempt, problem);
        }).whenComplete((status, failure) -> {
            if (failure != null) {
                settle(alertId, where, DriftMessages.webhookNotSent(String.valueOf(failure.getMessage())));
            }
        });
    }

    /** Records the failed attempt and the next one together; should the store refuse, says that no retry will come. */
    private String later(long alertId, String where, Pace pace, int attempt, String problem) {
        Instant next = Instant.now().plus(pace.firstRetry().multipliedBy(attempt == 1 ? 1 : 6));
        String retrying = DriftMessages.webhookRetrying(attempt, ATTEMPTS, problem, next);
        try {
            retries.schedule(alertId, attempt + 1, next, pace, retrying);
            return retrying;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record the next webhook attempt of drift alert %d", alertId);
            return settle(alertId, where, DriftMessages.webhookRetryNotRecorded(retrying,
                    // Ours ("background jobs are off in this process") is words; a store's or driver's is for the log.
                    e.getCause() == null && e.getMessage() != null ? e.getMessage() : DriftMessages.WEBHOOK_RETRY_STORE_FAILED));
        }
    }

    private static String problem(Throwable failure, String where, Pace pace) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return DriftMessages.webhookUnreachable(where);
        }
        if (cause instanceof HttpTimeoutException) {
            Duration timeout = pace.timeout();
            return DriftMessages.webhookNoAnswer(timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms");
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private String settle(long alertId, String where, String status) {
        record(alertId, status);
        if (!status.startsWith("sent")) {
            LOG.warn(DriftMessages.webhookLogFailed(alertId, where, status));
        }
        return status;
    }

    private void record(long alertId, String status) {
        try {
            int room = DriftMessages.WEBHOOK_STATUS_LENGTH;
            store.webhookStatus(alertId, status.length() > room ? status.substring(0, room - 1) + "…" : status);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record the webhook delivery of drift alert %d", alertId);
        }
    }
}
