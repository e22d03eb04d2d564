package dev.loopwise.serving;

import dev.loopwise.llm.LlmDrafting;
import dev.loopwise.model.registry.version.ServingModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Requests answered with the LLM's drafts beside the library: each is logged and answered on its own when its
 * choice is made, so one slow LLM call never holds up the rest of its batch.
 */
@ApplicationScoped
class DraftedRequests {
    private static final Logger LOG = Logger.getLogger(DraftedRequests.class);

    @Inject
    LlmDrafting drafting;
    @Inject
    RequestLog log;
    @Inject
    ServingMetrics metrics;

    void answer(ServingJob job, String hash, float[] x, ServingPipeline.Answer library, ServingModel model) {
        drafting.answer(model, job.text(), x, library.decision(), job.deadlineNanos()).thenAccept(outcome -> {
            ServingPipeline.Answer answer = new ServingPipeline.Answer(library.requestId(), library.decision(), library.modelVersion(),
                    outcome);
            if (job.future().isDone()) {
                metrics.count(ServingMetrics.Outcome.ABANDONED, 1);
                return;
            }
            log.write(List.of(job.logEntry(hash, answer)));
            if (job.future().complete(answer)) {
                metrics.answered(job.startedNanos());
                if (outcome.llmMs() != null) {
                    metrics.answeredWithDrafts(job.startedNanos(), outcome.llmMs());
                }
            } else {
                // Timed out while its row was written: the caller got 503 and no id, so the row must not say it was answered.
                metrics.count(ServingMetrics.Outcome.ABANDONED, 1);
                log.forget(List.of(library.requestId()));
            }
        }).exceptionally(e -> {
            LOG.errorf(e, "Could not answer a request with drafts");
            metrics.count(ServingMetrics.Outcome.FAILED, 1);
            job.future().completeExceptionally(new ServingPipeline.Failed(e));
            return null;
        });
    }
}
