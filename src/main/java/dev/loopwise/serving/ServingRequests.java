package dev.loopwise.serving;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import dev.loopwise.common.ServingMessages;
import dev.loopwise.security.account.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/** A ticket from any answering endpoint (our API or the OpenAI-compatible one): checked, queued, failures as 4xx/503. */
@ApplicationScoped
public class ServingRequests {
    @Inject
    ServingPipeline pipeline;
    @Inject
    ServableText servable;
    @Inject
    CurrentUser currentUser;
    @Inject
    ServingConfig config;

    CompletionStage<ServingPipeline.Answer> answer(String text, boolean withReply) {
        ApiException refused = servable.refusal(text);
        if (refused != null) {
            throw refused;
        }
        return pipeline.submit(text, withReply, currentUser.name()).exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            // Only an admin clears a missing model (train a version and promote it): retried with backoff, as clients do a 503,
            // it would fail every time. A full queue and a failed batch clear by themselves.
            if (cause instanceof ServingPipeline.NoActiveModel) {
                throw new ApiException(Status.SERVICE_UNAVAILABLE, "no_active_model", ServingMessages.NO_ACTIVE_MODEL).retryable(false);
            }
            if (cause instanceof ServingPipeline.Failed) {
                throw new ApiException(Status.SERVICE_UNAVAILABLE, "serving_failed", ServingMessages.SERVING_FAILED, ApiException.A_MOMENT_SECONDS)
                        .retryable(true);
            }
            if (cause instanceof TimeoutException || cause instanceof IllegalStateException && "overloaded".equals(cause.getMessage())) {
                long retryAfter = retryAfterSeconds(config);
                throw new ApiException(Status.SERVICE_UNAVAILABLE, "overloaded", ServingMessages.overloaded(retryAfter), retryAfter)
                        .retryable(true);
            }
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        });
    }

    /**
     * When a refused ticket may come back: the serving timeout, in whole seconds. By then every ticket waiting now has been
     * answered or given up, so the queue that was full has turned over; any sooner is a guess at how fast it drains.
     */
    public static long retryAfterSeconds(ServingConfig config) {
        return Math.max(1, (config.timeout().toMillis() + 999) / 1000);
    }
}
