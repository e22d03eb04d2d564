package dev.loopwise.serving;

import dev.loopwise.llm.LlmDrafting;
import dev.loopwise.model.encoder.EmbeddingStore;
import dev.loopwise.model.encoder.EncoderService;
import dev.loopwise.model.registry.version.ServingModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The serving pipeline's second stage, on a thread of its own so that the encoder moves on to the next batch: decides a
 * batch's answers, hands those the LLM drafts for to {@link DraftedRequests}, stores the new vectors, logs the rest in one
 * insert and completes their callers. A failure here fails the batch's waiting requests with 503.
 */
@ApplicationScoped
class BatchFinisher {
    private static final Logger LOG = Logger.getLogger(BatchFinisher.class);

    @Inject
    EncoderService encoder;
    @Inject
    EmbeddingStore embeddings;
    @Inject
    RequestLog log;
    @Inject
    ServingMetrics metrics;
    @Inject
    LlmDrafting drafting;
    @Inject
    DraftedRequests drafted;

    private ExecutorService thread;
    /** Runs between logging a batch and answering it, with the batch's texts: where a caller's timeout can fall. */
    private volatile Consumer<List<String>> afterLogging = texts -> {
    };

    void start() {
        thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "loopwise-serving-finisher"));
    }

    void afterLogging(Consumer<List<String>> hook) {
        afterLogging = hook;
    }

    void stop() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * Finishes an encoded batch on the finisher's thread; {@code vectors} holds every text's vector by hash, {@code fresh} the
     * ones just encoded (of {@code newHashes}), to be kept in the cache.
     */
    void finishLater(List<ServingJob> batch, List<String> hashes, Map<String, float[]> vectors, List<String> newHashes,
                     float[][] fresh, ServingModel model) {
        thread.execute(() -> finish(batch, hashes, vectors, newHashes, fresh, model));
    }

    private void finish(List<ServingJob> batch, List<String> hashes, Map<String, float[]> vectors, List<String> newHashes,
                        float[][] fresh, ServingModel model) {
        List<RequestLog.Entry> entries = new ArrayList<>();
        List<ServingPipeline.Answer> answers = new ArrayList<>();
        try {
            float[][] x = hashes.stream().map(vectors::get).toArray(float[][]::new);
            List<ServingModel.Decision> decisions = model.decideAll(x, batch.stream().map(ServingJob::text).toList(),
                    batch.stream().map(ServingJob::withReply).toList());
            boolean drafts = drafting.active();
            for (int i = 0; i < batch.size(); i++) {
                ServingJob job = batch.get(i);
                ServingModel.Decision decision = decisions.get(i);
                ServingPipeline.Answer answer = new ServingPipeline.Answer(UUID.randomUUID(), decision, model.version(), null);
                if (drafts && job.mayDraft() && decision.reply() != null && !job.future().isDone()) {
                    answers.add(null); // answered when its drafts are scored (or the LLM failed), see DraftedRequests
                    drafted.answer(job, hashes.get(i), x[i], answer, model);
                    continue;
                }
                answers.add(answer);
                if (job.future().isDone()) {
                    continue; // timed out meanwhile: its caller got 503 and no request id, so it is not logged as answered
                }
                entries.add(job.logEntry(hashes.get(i), answer));
            }
            if (!newHashes.isEmpty()) {
                embeddings.store(model.encoder().id(), newHashes, fresh);
            }
            if (!entries.isEmpty()) {
                log.write(entries);
            }
            afterLogging.accept(batch.stream().map(ServingJob::text).toList());
            Set<UUID> logged = new HashSet<>();
            entries.forEach(e -> logged.add(e.id()));
            List<UUID> abandoned = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (answers.get(i) == null) {
                    continue;
                }
                if (batch.get(i).future().complete(answers.get(i))) {
                    metrics.answered(batch.get(i).startedNanos());
                } else {
                    metrics.count(ServingMetrics.Outcome.ABANDONED, 1);
                    if (logged.contains(answers.get(i).requestId())) {
                        abandoned.add(answers.get(i).requestId());
                    }
                }
            }
            // Timed out while its row was written: the caller got 503 and no id, so the row must not say it was answered.
            log.forget(abandoned);
        } catch (Throwable e) {
            LOG.errorf(e, "Could not answer a batch of %d requests", batch.size());
            metrics.count(ServingMetrics.Outcome.FAILED, batch.size());
            ServingPipeline.fail(batch, new ServingPipeline.Failed(e));
        } finally {
            encoder.servingEnded();
        }
    }
}
