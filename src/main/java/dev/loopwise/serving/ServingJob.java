package dev.loopwise.serving;

import java.util.concurrent.CompletableFuture;

/**
 * A ticket waiting in the serving queue, and the caller's future it answers; {@code mayDraft}: the LLM may draft for it
 * when one is connected (false answers from the library policy alone).
 */
record ServingJob(String text, boolean withReply, String caller, long startedNanos, long deadlineNanos, boolean mayDraft,
                  CompletableFuture<ServingPipeline.Answer> future) {
    /** Its caller has been answered already (timed out): encoding or logging it would be work for nobody. */
    boolean abandoned() {
        return future.isDone() || System.nanoTime() - deadlineNanos > 0;
    }

    /** The request log's row for this ticket answered with {@code answer}; the latency runs until now. */
    RequestLog.Entry logEntry(String hash, ServingPipeline.Answer answer) {
        return new RequestLog.Entry(answer.requestId(), withReply ? "respond" : "classify", text, hash, answer.decision(),
                answer.modelVersion(), (System.nanoTime() - startedNanos) / 1e6, caller, answer.llm());
    }
}
