package dev.loopwise.serving;

import dev.loopwise.llm.LlmClient;
import dev.loopwise.model.encoder.EncoderService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the serving pipeline is doing, for Prometheus (names as scraped): {@code loopwise_serving_queue_depth},
 * {@code loopwise_serving_batch_size} (requests encoded together), {@code loopwise_serving_encode_seconds}
 * (one batch through the encoder), {@code loopwise_serving_request_seconds} (queueing, encoding, deciding and
 * logging of one answered request), {@code loopwise_serving_requests_total} by {@code outcome} and
 * {@code loopwise_encoder_background_wait_seconds_total} (background encoding giving way to serving). The
 * histograms export buckets, so p95s can be computed across instances.
 */
@ApplicationScoped
public class ServingMetrics {
    /** How a request ended. */
    public enum Outcome {
        ANSWERED, OVERLOADED, ABANDONED, FAILED, NO_MODEL;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final DistributionSummary batchSize;
    private final Timer encode;
    private final Timer request;
    private final Timer ownShare;
    private final MeterRegistry registry;

    @Inject
    public ServingMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, Counter.builder("loopwise.serving.requests").tag("outcome", outcome.tag())
                    .description("Requests to /respond and /classify by how they ended").register(registry));
        }
        batchSize = DistributionSummary.builder("loopwise.serving.batch.size").description("Requests encoded together")
                .publishPercentileHistogram().minimumExpectedValue(1.0).maximumExpectedValue(256.0).register(registry);
        encode = Timer.builder("loopwise.serving.encode").description("One batch through the encoder")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        request = Timer.builder("loopwise.serving.request").description("One answered request, from queueing to its answer")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        ownShare = Timer.builder("loopwise.serving.own").description("Loopwise's own time in an answer the LLM drafted for:"
                        + " the whole answer less the wait for the LLM's drafts")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** Watches the queue's length from now on (the queue is made at start). */
    void watchQueue(Supplier<Number> depth) {
        Gauge.builder("loopwise.serving.queue.depth", depth).description("Requests waiting for the encoder").register(registry);
    }

    /**
     * Watches the time background encoding gave way to serving (it only grows). The meter holds what it reads weakly,
     * so it reads the encoder service itself, which lives as long as the application, not a lambda nothing else holds.
     */
    void watchBackgroundWaits(EncoderService encoders) {
        FunctionCounter.builder("loopwise.encoder.background.wait", encoders, EncoderService::backgroundWaitSeconds)
                .baseUnit("seconds").description("Time background encoding (training, rounds, imports) waited for serving calls to finish")
                .register(registry);
    }

    /**
     * Watches how many tickets' LLM calls are running, and the rate limit the LLM announced (the client lives as long as
     * the application, see above).
     */
    void watchLlm(LlmClient llm) {
        Gauge.builder("loopwise.llm.tickets.in.flight", llm, LlmClient::ticketsInFlight)
                .description("Tickets whose LLM draft calls are still running; at loopwise.llm.max-concurrent more are answered from the library")
                .register(registry);
        Gauge.builder("loopwise.llm.rate.limited.seconds", llm, LlmClient::rateLimitedSeconds).baseUnit("seconds")
                .description("Time left of the rate limit the LLM announced (HTTP 429 with Retry-After): until then no call is made"
                        + " and tickets are answered from the library; 0 when none holds")
                .register(registry);
    }

    void count(Outcome outcome, int requests) {
        if (requests > 0) {
            outcomes.get(outcome).increment(requests);
        }
    }

    void batch(int size, long encodeNanos) {
        batchSize.record(size);
        encode.record(Duration.ofNanos(encodeNanos));
    }

    void answered(long startedNanos) {
        request.record(Duration.ofNanos(System.nanoTime() - startedNanos));
        outcomes.get(Outcome.ANSWERED).increment();
    }

    /** An answer with drafts: how much of its latency was not the LLM's (the figure to hold small). */
    void answeredWithDrafts(long startedNanos, long llmMillis) {
        long own = System.nanoTime() - startedNanos - Duration.ofMillis(llmMillis).toNanos();
        ownShare.record(Duration.ofNanos(Math.max(0, own)));
    }
}
