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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * One settings' langchain4j client, the guard (retries, circuit breaker) that calls through it go through, and the rate
 * limit the server announced, if any.
 */
record LlmConnection(LlmSettings settings, ChatModel model, Guard guard, LlmRateLimit rateLimit, Duration maxRetryAfter) {
    static LlmConnection open(LlmSettings settings, LlmConfig config, Consumer<CircuitBreakerState> onStateChange) {
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey() == null ? "none" : settings.apiKey())
                .modelName(settings.model())
                .temperature(settings.temperature())
                .maxTokens(config.maxTokens())
                .timeout(settings.timeout())
                .maxRetries(0)
                .httpClientBuilder(new LlmHttpClient.Builder())
                .customHeaders(Map.of(LlmClient.DRAFTING_HEADER, "1"))
                .build();
        Guard guard = Guard.create()
                .withRetry().maxRetries(Math.max(0, config.retries())).delay(50, ChronoUnit.MILLIS)
                .maxDuration(settings.timeout().toMillis(), ChronoUnit.MILLIS)
                // A timed-out call is not retried (the wait would double), nor a refusal that will not change, nor a rate
                // limit: the server asked for fewer calls, and another one 50 ms later only spends more of the limit.
                .abortOn(List.of(CircuitBreakerOpenException.class, TimeoutException.class, AuthenticationException.class,
                        ModelNotFoundException.class, RateLimitException.class, LlmFailure.class, LlmRateLimit.Held.class))
                .done()
                // A server that said when to call again is working as it should: its limit is kept by holding calls back
                // until then, and opening the circuit as well would keep it closed to drafts long after the limit ended.
                .withCircuitBreaker().skipOn(LlmRateLimit.Held.class).requestVolumeThreshold(Math.max(1, config.circuitRequests()))
                .failureRatio(config.circuitFailureRatio()).delay(config.circuitOpenFor().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1).onStateChange(onStateChange)
                .done()
                .build();
        return new LlmConnection(settings, model, guard, new LlmRateLimit(), config.maxRetryAfter());
    }

    /**
     * One draft: the answer's text, stripped; an empty answer is a failure. While a rate limit holds no call is made; a 429
     * that says when to call again starts one.
     */
    String ask(DraftPrompt prompt, int seed) {
        rateLimit.check(Instant.now());
        ChatResponse response;
        try {
            response = model.chat(ChatRequest.builder()
                    .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                    .parameters(OpenAiChatRequestParameters.builder().seed(seed).build())
                    .build());
        } catch (RateLimitException e) {
            throw rateLimit.announced(e, Instant.now(), maxRetryAfter).map(RuntimeException.class::cast).orElse(e);
        }
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new LlmFailure(LlmFailure.EMPTY);
        }
        return text.strip();
    }
}
