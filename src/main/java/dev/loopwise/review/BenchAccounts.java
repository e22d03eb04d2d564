package dev.loopwise.review;

import dev.loopwise.common.CommandLineMessages;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Disables bench-review's reviewer accounts under one deadline. It runs on Ctrl-C too, where the process waits for it:
 * one request after another, each free to wait a minute, held a swamped server's user for hours.
 */
final class BenchAccounts {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEADLINE = Duration.ofSeconds(15);
    // A thousand requests at once would swamp the server they are meant to spare.
    private static final int AT_ONCE = 16;

    /** {@code left} are the ids not disabled; {@code reason} says why the first of them was not, or is null. */
    record Outcome(int disabled, List<Long> left, String reason) {
    }

    // Its own client: a 5 s connect timeout suits stopping, but would fail the benchmark's requests to a saturated server.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();

    private final String url;
    private final String adminKey;

    BenchAccounts(String url, String adminKey) {
        this.url = url;
        this.adminKey = adminKey;
    }

    Outcome disable(List<Long> ids, Duration deadline, Duration requestTimeout) {
        long end = System.nanoTime() + deadline.toNanos();
        Set<Long> done = ConcurrentHashMap.newKeySet();
        AtomicReference<String> reason = new AtomicReference<>();
        AtomicBoolean hopeless = new AtomicBoolean();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        Semaphore slots = new Semaphore(AT_ONCE);
        try {
            for (long id : ids) {
                // After the first failure to reach the server, or a refused key, the others would fail the same way.
                if (hopeless.get() || !slots.tryAcquire(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
                // A refusal may have come while this waited for its slot.
                if (hopeless.get()) {
                    slots.release();
                    break;
                }
                HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/users/" + id)).timeout(requestTimeout)
                        .header("Authorization", "Bearer " + adminKey).header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"disabled\":true}")).build();
                CompletableFuture<HttpResponse<Void>> answered = HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding());
                sent.add(answered);
                answered.whenComplete((answer, failure) -> {
                    // Recorded before the slot is freed: the last free slot is what tells the caller all have answered.
                    if (failure == null && answer.statusCode() < 300) {
                        done.add(id);
                    } else if (!(failure instanceof CancellationException)) {
                        reason.compareAndSet(null, failure == null ? refused(answer.statusCode()) : unreachable(failure));
                        hopeless.compareAndSet(false, failure != null || answer.statusCode() == 401 || answer.statusCode() == 403);
                    }
                    slots.release();
                });
            }
            slots.tryAcquire(AT_ONCE, Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
        List<Long> left = new ArrayList<>();
        for (long id : ids) {
            if (!done.contains(id)) {
                left.add(id);
            }
        }
        // Left without an answer: never sent, or still waiting at the deadline.
        reason.compareAndSet(null, left.isEmpty() ? null : CommandLineMessages.benchNotWithin(url, deadline.toSeconds()));
        Outcome outcome = new Outcome(ids.size() - left.size(), left, reason.get());
        // Past the deadline nobody waits for the answers: the process is ending.
        sent.forEach(request -> request.cancel(true));
        return outcome;
    }

    private String refused(int status) {
        return status == 401 || status == 403 ? CommandLineMessages.benchKeyRefused(status) : CommandLineMessages.benchServerAnswered(status);
    }

    private String unreachable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
            return CommandLineMessages.benchNotAnswering(url);
        }
        return CommandLineMessages.benchNotAnswering(url) + " (" + cause + ")";
    }
}
