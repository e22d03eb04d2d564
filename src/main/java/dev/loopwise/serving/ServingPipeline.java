package dev.loopwise.serving;

import dev.loopwise.common.json.JsonStrictness;
import dev.loopwise.common.runtime.RunMode;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.llm.LlmClient;
import dev.loopwise.llm.LlmOutcome;
import dev.loopwise.model.encoder.EmbeddingStore;
import dev.loopwise.model.encoder.EncoderService;
import dev.loopwise.model.registry.version.ModelRegistry;
import dev.loopwise.model.registry.version.ServingModel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Answers tickets in micro-batches. Concurrent requests queue up while the encoder works on the
 * previous batch and are then encoded together (one encoder call, one cache lookup); a second thread
 * decides, logs the batch in one insert and completes the requests, while the encoder moves on.
 * A batch that fails in any way, an Error included, fails its own requests with 503 and the encoder thread
 * goes on with the next; readiness reports the thread ({@link EncoderReadiness}).
 */
@ApplicationScoped
public class ServingPipeline {
    private static final Logger LOG = Logger.getLogger(ServingPipeline.class);

    /** {@code llm}: how the LLM took part, null when none is connected (the decision is then the whole answer). */
    public record Answer(UUID requestId, ServingModel.Decision decision, int modelVersion, LlmOutcome llm) {
    }

    /** No model version is active yet. */
    public static class NoActiveModel extends RuntimeException {
        public NoActiveModel() {
            super("No model is active yet");
        }
    }

    /** A batch could not be answered: its requests get 503 (the cause is in the log). */
    public static class Failed extends RuntimeException {
        Failed(Throwable cause) {
            super("Could not answer a batch of requests", cause);
        }
    }

    @Inject
    ServingConfig config;
    @Inject
    EncoderService encoder;
    @Inject
    EmbeddingStore embeddings;
    @Inject
    ModelRegistry registry;
    @Inject
    ServingMetrics metrics;
    @Inject
    BatchFinisher finisher;
    @Inject
    LlmClient llm;

    private BlockingQueue<ServingJob> queue;
    private Thread encoderThread;
    private volatile boolean running;
    /** Runs before each batch is encoded; tests make it throw to check that the loop survives. */
    private volatile Consumer<List<String>> beforeEncoding = texts -> {
    };

    void start(@Observes StartupEvent event) {
        if (RunMode.isCommand()) {
            return;
        }
        queue = new ArrayBlockingQueue<>(config.queueCapacity());
        metrics.watchQueue(queue::size);
        metrics.watchBackgroundWaits(encoder);
        metrics.watchLlm(llm);
        finisher.start();
        running = true;
        startEncoder();
    }

    /** Starts the encoder thread (again, in tests, after it was stopped). */
    synchronized void startEncoder() {
        encoderThread = new Thread(this::encodeLoop, "loopwise-serving-encoder");
        encoderThread.setDaemon(true);
        encoderThread.start();
    }

    /** For tests: what to run on each batch's texts before encoding them (a failure there is a batch's failure). */
    void beforeEncoding(Consumer<List<String>> hook) {
        beforeEncoding = hook;
    }

    /** Whether the encoder thread is there to answer requests. */
    boolean encoderAlive() {
        Thread thread = encoderThread;
        return thread != null && thread.isAlive();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (encoderThread == null) {
            return;
        }
        running = false;
        encoderThread.interrupt();
        finisher.stop();
    }

    /**
     * Queues a ticket; the future fails with {@link NoActiveModel}, {@link IllegalStateException} (overloaded) or
     * {@link IllegalArgumentException} (text the request log cannot store, which would fail its whole batch).
     */
    public CompletableFuture<Answer> submit(String text, boolean withReply, String caller) {
        return submit(text, withReply, caller, true);
    }

    /**
     * As {@link #submit(String, boolean, String)}; {@code mayDraft} false answers from the library policy alone even with
     * an LLM connected — no call to it, and nothing in its figures (a replay measures the model, not the LLM).
     */
    public CompletableFuture<Answer> submit(String text, boolean withReply, String caller, boolean mayDraft) {
        CompletableFuture<Answer> future = new CompletableFuture<>();
        if (!JsonStrictness.storable(text)) {
            future.completeExceptionally(new IllegalArgumentException("The text contains a NUL character or half of a surrogate pair"));
            return future;
        }
        long now = System.nanoTime();
        if (!queue.offer(new ServingJob(text, withReply, caller, now, now + config.timeout().toNanos(), mayDraft, future))) {
            metrics.count(ServingMetrics.Outcome.OVERLOADED, 1);
            future.completeExceptionally(new IllegalStateException("overloaded"));
        }
        return future.orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void encodeLoop() {
        while (running) {
            List<ServingJob> batch = List.of();
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                return;
            }
            if (batch.isEmpty()) {
                continue;
            }
            // Ended once the batch is answered (in finish) or has failed (here): from then on background work no longer waits for it.
            encoder.servingStarted();
            try {
                encode(batch);
            } catch (NoActiveModel e) {
                encoder.servingEnded();
                metrics.count(ServingMetrics.Outcome.NO_MODEL, batch.size());
                fail(batch, e);
            } catch (Throwable e) {
                encoder.servingEnded();
                // An Error too (OutOfMemoryError, a native library's): only this batch fails, the thread serves on.
                LOG.errorf(e, "Could not encode a batch of %d requests", batch.size());
                metrics.count(ServingMetrics.Outcome.FAILED, batch.size());
                fail(batch, new Failed(e));
            }
        }
    }

    /** The requests waiting now, up to a batch, without those whose callers were already answered 503 (timed out). */
    private List<ServingJob> nextBatch() throws InterruptedException {
        List<ServingJob> taken = new ArrayList<>();
        taken.add(queue.take());
        queue.drainTo(taken, config.maxBatch() - 1);
        List<ServingJob> waiting = taken.stream().filter(job -> !job.abandoned()).toList();
        metrics.count(ServingMetrics.Outcome.ABANDONED, taken.size() - waiting.size());
        return waiting;
    }

    static void fail(List<ServingJob> batch, RuntimeException failure) {
        for (ServingJob job : batch) {
            job.future().completeExceptionally(failure);
        }
    }

    private void encode(List<ServingJob> batch) {
        ServingModel model = registry.current().orElseThrow(NoActiveModel::new);
        List<String> hashes = batch.stream().map(j -> Hashing.sha256Hex(j.text())).toList();
        beforeEncoding.accept(batch.stream().map(ServingJob::text).toList());
        // The active version's own encoder: a version never reads vectors of another encoder.
        Map<String, float[]> known = embeddings.lookup(model.encoder().id(), hashes);
        Map<String, String> missing = new LinkedHashMap<>(); // a text asked twice in one batch is encoded once
        for (int i = 0; i < batch.size(); i++) {
            if (!known.containsKey(hashes.get(i))) {
                missing.putIfAbsent(hashes.get(i), batch.get(i).text());
            }
        }
        List<String> newHashes = List.copyOf(missing.keySet());
        List<String> newTexts = List.copyOf(missing.values());
        long encodeStart = System.nanoTime();
        float[][] fresh = newTexts.isEmpty() ? new float[0][] : encoder.encode(model.encoder(), newTexts);
        metrics.batch(batch.size(), System.nanoTime() - encodeStart);
        for (int i = 0; i < fresh.length; i++) {
            known.put(newHashes.get(i), fresh[i]);
        }
        finisher.finishLater(batch, hashes, known, newHashes, fresh, model);
    }
}
