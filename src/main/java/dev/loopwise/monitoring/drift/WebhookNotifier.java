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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * POSTs each drift alert as JSON to the configured URL, and records how that went on the alert. Delivery runs beside the
 * drift check, never in it: a slow or dead receiver costs the check nothing. A failed attempt (no answer, or an answer
 * other than 2xx) is tried again, {@link #ATTEMPTS} times in all, waiting longer each time, since chat services shed load
 * for a minute or so; what finally happened is on the Drift page and, when it failed, in the log.
 */
@ApplicationScoped
public class WebhookNotifier {
    private static final Logger LOG = Logger.getLogger(WebhookNotifier.class);
    static final int ATTEMPTS = 3;

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

    /** Starts delivering and answers at once; the future ends with the status recorded on the alert. */
    CompletableFuture<String> deliver(URI target, Optional<String> secret, WebhookFormat format, long alertId, int version,
            String message, Map<String, Object> payload, Pace pace) {
        String json = DriftStore.json(format.body(alertId, version, message, payload));
        // Built again for each attempt: a retry a minute later carries its own timestamp, which a receiver that refuses
        // old deliveries still accepts.
        Supplier<HttpRequest> request = () -> {
            HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(pace.timeout()).header("Content-Type", "application/json")
                    .header("User-Agent", "Loopwise").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            secret.ifPresent(key -> {
                long timestamp = Instant.now().getEpochSecond();
                builder.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                        .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(key, timestamp, json));
            });
            return builder.build();
        };
        String where = target.getScheme() + "://" + target.getAuthority();
        return attempt(request, alertId, where, pace, 1).whenComplete((status, failure) -> {
            if (failure != null) {
                settle(alertId, where, DriftMessages.webhookFailed(ATTEMPTS, String.valueOf(failure.getMessage())));
            }
        });
    }

    private CompletableFuture<String> attempt(Supplier<HttpRequest> request, long alertId, String where, Pace pace, int attempt) {
        return http.sendAsync(request.get(), HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                return CompletableFuture.completedFuture(settle(alertId, where, DriftMessages.webhookSent(response.statusCode(), attempt,
                        ATTEMPTS)));
            }
            String problem = failure == null ? DriftMessages.webhookAnswered(response.statusCode()) : problem(failure, where, pace);
            if (attempt == ATTEMPTS) {
                return CompletableFuture.completedFuture(settle(alertId, where, DriftMessages.webhookFailed(ATTEMPTS, problem)));
            }
            record(alertId, DriftMessages.webhookRetrying(attempt, ATTEMPTS, problem));
            long wait = pace.firstRetry().toMillis() * (attempt == 1 ? 1 : 6);
            return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> attempt(request, alertId, where, pace, attempt + 1));
        }).thenCompose(next -> next);
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
