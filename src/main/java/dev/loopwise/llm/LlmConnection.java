package dev.loopwise.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/** One settings' langchain4j client, and the guard (retries, circuit breaker) that calls through it go through. */
record LlmConnection(LlmSettings settings, ChatModel model, Guard guard) {
    static LlmConnection open(LlmSettings settings, LlmConfig config, Consumer<CircuitBreakerState> onStateChange) {
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey() == null ? "none" : settings.apiKey())
                .modelName(settings.model())
                .temperature(settings.temperature())
                .maxTokens(config.maxTokens())
                .timeout(settings.timeout())
                .maxRetries(0)
                .customHeaders(Map.of(LlmClient.DRAFTING_HEADER, "1"))
                .build();
        Guard guard = Guard.create()
                .withRetry().maxRetries(Math.max(0, config.retries())).delay(50, ChronoUnit.MILLIS)
                .maxDuration(settings.timeout().toMillis(), ChronoUnit.MILLIS)
                // A timed-out call is not retried (the wait would double), nor a refusal that will not change, nor a rate
                // limit: the server asked for fewer calls, and another one 50 ms later only spends more of the limit.
                .abortOn(List.of(CircuitBreakerOpenException.class, TimeoutException.class, AuthenticationException.class,
                        ModelNotFoundException.class, RateLimitException.class, LlmFailure.class))
                .done()
                .withCircuitBreaker().requestVolumeThreshold(Math.max(1, config.circuitRequests()))
                .failureRatio(config.circuitFailureRatio()).delay(config.circuitOpenFor().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1).onStateChange(onStateChange)
                .done()
                .build();
        return new LlmConnection(settings, model, guard);
    }

    /** One draft: the answer's text, stripped; an empty answer is a failure. */
    String ask(DraftPrompt prompt, int seed) {
        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .parameters(OpenAiChatRequestParameters.builder().seed(seed).build())
                .build());
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new LlmFailure(LlmFailure.EMPTY);
        }
        return text.strip();
    }
}
