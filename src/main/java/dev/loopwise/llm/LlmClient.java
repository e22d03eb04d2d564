package dev.loopwise.llm;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Calls the LLM through langchain4j's OpenAI client, one request per draft (many servers ignore {@code n}), all at
 * once. Each request goes through a SmallRye Fault Tolerance guard: a failed one is retried, and when too many
 * fail the circuit opens so that tickets are answered from the library at once instead of waiting on a dead server; a
 * server that asks for fewer calls (HTTP 429 with Retry-After) gets none until the time it named ({@link LlmRateLimit}).
 * Client and guard are rebuilt when the settings change.
 */
@ApplicationScoped
public class LlmClient {
    /**
     * Sent with every call to the LLM: an address that points back at a Loopwise instance (its own /v1) is refused
     * there at once, instead of each ticket's drafts asking for drafts again and logging the prompts as traffic.
     */
    public static final String DRAFTING_HEADER = "X-Loopwise-Drafting";

    private static final Logger LOG = Logger.getLogger(LlmClient.class);

    @Inject
    LlmConfig config;

    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "loopwise-llm");
        thread.setDaemon(true);
        return thread;
    });
    private Semaphore inFlight;
    private volatile LlmConnection connection;
    private volatile CircuitBreakerState circuit = CircuitBreakerState.CLOSED;
    /** The latest failed call, for the log line that says why the circuit opened. */
    private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();

    /**
     * The drafts that came back in time, each with what was prepared from it ({@code vectors[i]} for {@code texts.get(i)}),
     * and how long the LLM took: until its last draft arrived, preparation not included.
     */
    public record Drafts(List<String> texts, float[][] vectors, long latencyMs) {
    }

    private record Arrived(String text, float[] vector) {
    }

    /** What "test connection" found: {@code error} the short reason, {@code said} the sentence the page shows. */
    public record TestResult(boolean ok, long latencyMs, String answer, String error, String said) {
        static TestResult failed(long latencyMs, String reason, LlmSettings settings) {
            return new TestResult(false, latencyMs, null, reason, LlmFailure.sentence(reason, settings));
        }
    }

    /** Where LLM calls and the scoring of their drafts run, off the serving threads. */
    Executor executor() {
        return calls;
    }

    @PreDestroy
    void stop() {
        calls.shutdownNow();
    }

    /** The circuit breaker's state in words: closed (calls go through), open (they do not), half-open (one is trying). */
    public String circuitState() {
        return circuit.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Asks for {@code settings.drafts()} drafts; completes (never fails late) by the timeout, or after {@code waitMillis} if
     * that is sooner (the time the ticket's caller still waits), with those that came
     * back, or fails with the reason none did ({@link LlmFailure#describe}). Each draft is prepared (encoded) as soon
     * as it arrives, while the others are still being written: a real LLM finishes drafts of different lengths at
     * different times, so only the last one's preparation is left after the LLM is done. Drafts that arrive while
     * others are being prepared are prepared together, in one call ({@link DraftBatches}).
     */
    public CompletableFuture<Drafts> drafts(LlmSettings settings, DraftPrompt prompt, Function<List<String>, float[][]> prepare,
                                            long waitMillis) {
        LlmConnection c = connection(settings);
        Optional<Instant> held = c.rateLimit().until(Instant.now());
        if (held.isPresent()) {
            return CompletableFuture.failedFuture(new LlmRateLimit.Held(held.get(), null));
        }
        if (!permits().tryAcquire()) {
            return CompletableFuture.failedFuture(new LlmFailure(LlmFailure.BUSY));
        }
        long started = System.nanoTime();
        AtomicLong lastArrival = new AtomicLong(started);
        DraftBatches batches = new DraftBatches(prepare);
        List<CompletableFuture<Arrived>> each = new ArrayList<>();
        for (int i = 0; i < settings.drafts(); i++) {
            int seed = i + 1;
            // The arrival is noted on the call's own thread, and the preparation always runs on one of these threads: a
            // call answered before this loop moved on would otherwise be encoded on the loop's thread, holding back
            // the remaining calls (and counting the encoding as the LLM's time).
            each.add(CompletableFuture.supplyAsync(() -> {
                String text = c.guard().get(() -> noted(() -> c.ask(prompt, seed)), String.class);
                lastArrival.accumulateAndGet(System.nanoTime(), Math::max);
                return text;
            }, calls).thenComposeAsync(text -> batches.prepare(text).thenApply(vector -> new Arrived(text, vector)), calls));
        }
        // The permit is held until every call of this ticket has ended, not only until its answer's timeout: calls
        // still running after it count against the limit, or a slow LLM would be sent more than the limit at once.
        CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> permits().release());
        CompletableFuture<Drafts> result = new CompletableFuture<>();
        CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .orTimeout(Math.max(1, Math.min(settings.timeout().toMillis(), waitMillis)), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, failure) -> {
                    List<String> texts = new ArrayList<>();
                    List<float[]> vectors = new ArrayList<>();
                    Throwable first = failure;
                    for (CompletableFuture<Arrived> draft : each) {
                        if (draft.isDone() && !draft.isCompletedExceptionally()) {
                            Arrived arrived = draft.join();
                            texts.add(arrived.text());
                            vectors.add(arrived.vector());
                        } else if (draft.isCompletedExceptionally() && first == null) {
                            first = draft.handle((v, e) -> e).join();
                        }
                    }
                    long latency = (lastArrival.get() - started) / 1_000_000;
                    if (texts.isEmpty()) {
                        result.completeExceptionally(first == null ? new LlmFailure(LlmFailure.EMPTY) : first);
                    } else {
                        result.complete(new Drafts(texts, vectors.toArray(float[][]::new), latency));
                    }
                });
        return result;
    }

    /** One short request outside the circuit breaker, so an admin can check a connection even while it is open. */
    public TestResult test(LlmSettings settings) {
        if (settings.baseUrl() == null || settings.model() == null) {
            return TestResult.failed(0, LlmFailure.NOT_SET, settings);
        }
        long started = System.nanoTime();
        try {
            LlmConnection c = build(settings);
            String answer = CompletableFuture.supplyAsync(() -> c.ask(
                    new DraftPrompt("You check that a connection works.", "Answer with one short sentence: are you ready?"), 1), calls)
                    .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new TestResult(true, (System.nanoTime() - started) / 1_000_000, answer, null, null);
        } catch (Exception e) {
            return TestResult.failed((System.nanoTime() - started) / 1_000_000, LlmFailure.describeTested(e), settings);
        }
    }

    /**
     * Runs a call, noting its failure (inside the guard, so it is known when the failure opens the circuit); a rate limit
     * is not a failure the circuit counts.
     */
    private String noted(Supplier<String> call) {
        try {
            return call.get();
        } catch (LlmRateLimit.Held e) {
            throw e;
        } catch (RuntimeException | Error e) {
            lastFailure.set(e);
            throw e;
        }
    }

    private void circuitChanged(CircuitBreakerState state, LlmSettings settings) {
        CircuitBreakerState before = circuit;
        circuit = state;
        if (state == CircuitBreakerState.OPEN && before != CircuitBreakerState.OPEN) {
            Throwable failure = lastFailure.get();
            LOG.warnf("LLM circuit opened for %s at %s: at least %.0f%% of the last %d calls failed, the latest with %s; tickets are"
                            + " answered from the library for %ds, then one call tries again", settings.model(), settings.baseUrl(),
                    100 * config.circuitFailureRatio(), Math.max(1, config.circuitRequests()),
                    failure == null ? "no recorded failure" : LlmFailure.describe(failure), config.circuitOpenFor().toSeconds());
        }
    }

    /** Until when the LLM asked this instance to make no call (HTTP 429 with Retry-After), while that is still to come. */
    public Optional<Instant> rateLimitedUntil() {
        LlmConnection c = connection;
        return c == null ? Optional.empty() : c.rateLimit().until(Instant.now());
    }

    /** As above, for these settings only: a limit the server of earlier settings announced is not theirs. */
    public Optional<Instant> rateLimitedUntil(LlmSettings settings) {
        LlmConnection c = connection;
        return c == null || !c.settings().equals(settings) ? Optional.empty() : c.rateLimit().until(Instant.now());
    }

    /** Seconds left of the rate limit the LLM announced, 0 when none holds: for the metrics. */
    public double rateLimitedSeconds() {
        return rateLimitedUntil().map(until -> Duration.between(Instant.now(), until).toMillis() / 1000.0).orElse(0.0);
    }

    /** Tickets whose draft calls are still running, up to {@code loopwise.llm.max-concurrent}. */
    public int ticketsInFlight() {
        return Math.max(1, config.maxConcurrent()) - permits().availablePermits();
    }

    private synchronized Semaphore permits() {
        if (inFlight == null) {
            inFlight = new Semaphore(Math.max(1, config.maxConcurrent()));
        }
        return inFlight;
    }

    private LlmConnection connection(LlmSettings settings) {
        LlmConnection c = connection;
        if (c != null && c.settings().equals(settings)) {
            return c;
        }
        synchronized (this) {
            if (connection == null || !connection.settings().equals(settings)) {
                circuit = CircuitBreakerState.CLOSED;
                connection = build(settings);
            }
            return connection;
        }
    }

    private LlmConnection build(LlmSettings settings) {
        return LlmConnection.open(settings, config, state -> circuitChanged(state, settings));
    }
}
