package dev.loopwise.serving;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.JsonStrictness;
import dev.loopwise.common.Messages;
import dev.loopwise.common.PlainText;
import dev.loopwise.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/** A ticket from any answering endpoint (our API or the OpenAI-compatible one): checked, queued, failures as 4xx/503. */
@ApplicationScoped
class ServingRequests {
    @Inject
    ServingPipeline pipeline;
    @Inject
    ServingConfig config;
    @Inject
    CurrentUser currentUser;

    CompletionStage<ServingPipeline.Answer> answer(String text, boolean withReply) {
        if (text == null) {
            throw ApiException.badRequest("validation_failed", Messages.TEXT_REQUIRED);
        }
        if (!PlainText.showsSomething(text)) {
            throw ApiException.badRequest("validation_failed", Messages.TEXT_EMPTY);
        }
        if (PlainText.length(text) > config.maxTextLength()) {
            // The limit guards memory, in UTF-16 units; the message counts as a person does.
            throw ApiException.badRequest("text_too_long", Messages.textTooLong(PlainText.length(text), config.maxTextLength()));
        }
        JsonStrictness.checkText("text", text);
        return pipeline.submit(text, withReply, currentUser.name()).exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof ServingPipeline.NoActiveModel) {
                throw new ApiException(Status.SERVICE_UNAVAILABLE, "no_active_model", Messages.NO_ACTIVE_MODEL);
            }
            if (cause instanceof ServingPipeline.Failed) {
                throw new ApiException(Status.SERVICE_UNAVAILABLE, "serving_failed", Messages.SERVING_FAILED);
            }
            if (cause instanceof TimeoutException || cause instanceof IllegalStateException && "overloaded".equals(cause.getMessage())) {
                throw new ApiException(Status.SERVICE_UNAVAILABLE, "overloaded", Messages.OVERLOADED);
            }
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        });
    }
}
