package dev.loopwise.llm;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat-completions server inside the test, on a free local port: it answers each request with
 * the next of its seeded drafts, after {@link #delayMs}, or fails (an HTTP status, with a {@code Retry-After} if set, or
 * a body that is not the format).
 */
final class FakeLlm implements AutoCloseable {
    volatile List<String> drafts = List.of("draft");
    volatile long delayMs;
    volatile int status = 200;
    volatile boolean malformed;
    /** When set, sent as the {@code Retry-After} header of every failed answer: with status 429, a rate limit. */
    volatile String retryAfter;
    /** When set, sent as the {@code Date} header of every failed answer: the server's clock. */
    volatile String date;
    /** When set, the body of every answer (with {@link #status}), sent as {@link #answerType}: a web page, an error, a stranger JSON. */
    volatile String answerBody;
    volatile String answerType = "application/json";
    /** When set, every chat request is read and its connection closed without an answer, as a server that crashed does. */
    volatile boolean hangUp;
    final AtomicInteger calls = new AtomicInteger();
    /** Chat requests answered so far: a request still inside its {@link #delayMs} is not one of them. */
    final AtomicInteger answered = new AtomicInteger();
    final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    /** When each chat request arrived, by this JVM's clock. */
    final List<Instant> arrivals = new CopyOnWriteArrayList<>();
    /** The Authorization header of each chat request ("" when none was sent). */
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Vertx vertx;
    private final HttpServer server;
    private final Set<Long> timers = ConcurrentHashMap.newKeySet();

    FakeLlm(Vertx vertx) throws Exception {
        this.vertx = vertx;
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            int call = calls.getAndIncrement();
            if (!request.path().endsWith("/chat/completions")) {
                request.response().setStatusCode(404).end();
                return;
            }
            arrivals.add(Instant.now());
            requests.add(body.toJsonObject());
            authorizations.add(String.valueOf(request.getHeader("Authorization") == null ? "" : request.getHeader("Authorization")));
            if (hangUp) {
                request.connection().close();
                return;
            }
            Runnable answer = () -> {
                answered.incrementAndGet();
                if (answerBody != null) {
                    request.response().setStatusCode(status).putHeader("content-type", answerType).end(answerBody);
                } else if (status != 200) {
                    if (retryAfter != null) {
                        request.response().putHeader("Retry-After", retryAfter);
                    }
                    if (date != null) {
                        request.response().putHeader("Date", date);
                    }
                    request.response().setStatusCode(status).putHeader("content-type", "application/json")
                            .end(new JsonObject().put("error", new JsonObject().put("message", "fake failure")).encode());
                } else if (malformed) {
                    request.response().putHeader("content-type", "application/json").end("{\"choices\": [ this is not json");
                } else {
                    request.response().putHeader("content-type", "application/json").end(completion(drafts.get(call % drafts.size())));
                }
            };
            if (delayMs > 0) {
                timers.add(vertx.setTimer(delayMs, id -> {
                    timers.remove(id);
                    answer.run();
                }));
            } else {
                answer.run();
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort() + "/v1";
    }

    private static String completion(String text) {
        return new JsonObject().put("id", "fake").put("object", "chat.completion").put("created", 0).put("model", "fake")
                .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("finish_reason", "stop")
                        .put("message", new JsonObject().put("role", "assistant").put("content", text))))
                .put("usage", new JsonObject().put("prompt_tokens", 10).put("completion_tokens", 10).put("total_tokens", 20)).encode();
    }

    @Override
    public void close() throws Exception {
        // A reply still held back would otherwise be written after the test, to a connection already gone.
        timers.forEach(vertx::cancelTimer);
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
