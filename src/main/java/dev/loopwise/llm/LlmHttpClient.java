package dev.loopwise.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * langchain4j's HTTP client for the LLM, on the JDK's client as langchain4j's own, except that a 429 keeps its
 * {@code Retry-After} ({@link RetryLater}): langchain4j's client keeps only the status and the body of a refusal, and the
 * server's word on when to call again is what {@link LlmRateLimit} holds calls back by. Timeouts are the ones the OpenAI
 * client sets on the builder, from the settings' timeout.
 */
final class LlmHttpClient implements HttpClient {
    private final java.net.http.HttpClient client;
    private final Duration readTimeout;

    private LlmHttpClient(Builder builder) {
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder();
        if (builder.connectTimeout != null) {
            jdk.connectTimeout(builder.connectTimeout);
        }
        client = jdk.build();
        readTimeout = builder.readTimeout;
    }

    /**
     * A refusal with HTTP 429 that said when to call again, as the server wrote it (seconds, or an HTTP date), with the
     * response's {@code Date} (null when none), the server's clock that an HTTP date is measured against.
     */
    static final class RetryLater extends HttpException {
        final String retryAfter;
        final String date;

        RetryLater(String body, String retryAfter, String date) {
            super(429, body);
            this.retryAfter = retryAfter;
            this.date = date;
        }
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(jdkRequest(request), BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status < 200 || status >= 300) {
                String body = new String(response.body(), StandardCharsets.UTF_8);
                String retryAfter = status == 429 ? response.headers().firstValue("Retry-After").orElse(null) : null;
                throw retryAfter != null ? new RetryLater(body, retryAfter, response.headers().firstValue("Date").orElse(null))
                        : new HttpException(status, body);
            }
            return SuccessfulHttpResponse.builder().statusCode(status).headers(response.headers().map()).body(response.body()).build();
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        } catch (IOException e) {
            // As langchain4j's own client: the causes (unreachable, cut off) are what LlmFailure reads.
            throw new RuntimeException(e);
        }
    }

    /** Drafts are asked for whole (a streaming model is never built on this client). */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        listener.onError(new UnsupportedOperationException("Drafts are not streamed"));
    }

    private java.net.http.HttpRequest jdkRequest(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedOperationException("Drafting sends no form data");
        }
        java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder().uri(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> jdk.header(name, value));
            }
        });
        jdk.method(request.method().name(), request.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofString(request.body()));
        if (readTimeout != null) {
            jdk.timeout(readTimeout);
        }
        return jdk.build();
    }

    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new LlmHttpClient(this);
        }
    }
}
