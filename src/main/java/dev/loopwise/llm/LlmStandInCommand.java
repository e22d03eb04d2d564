package dev.loopwise.llm;

import dev.loopwise.common.CommandLineMessages;
import dev.loopwise.common.StartMessages;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loopwise llm-stand-in}: an OpenAI-compatible chat-completions server on this machine that answers after a
 * set delay with seeded support replies, so that serving with drafts can be measured without a GPU or a network
 * (bench-serving against a demo whose LLM connection points here). Loopwise's own share of a request is then its
 * latency minus the LLM's time, which the request log records separately.
 */
@Command(name = "llm-stand-in", description = "Serve an OpenAI-compatible stand-in LLM that answers after a fixed delay, for benchmarks.")
public class LlmStandInCommand implements Callable<Integer> {
    private static final List<String> OPENINGS = List.of("Thanks for reaching out about this.", "I'm sorry for the trouble with your order.",
            "Happy to help you with that.", "Thank you for your patience while we look into it.");
    private static final List<String> MIDDLES = List.of(
            "I have checked your account and the change you asked for can be made from the Orders page under Settings.",
            "Our team has reviewed the request, and a refund to your original payment method usually arrives within five business days.",
            "You can track the parcel with the link in your confirmation email; it updates as soon as the carrier scans it.",
            "If the item arrived damaged, reply with a photo and we will send a replacement at no cost to you.",
            "Your subscription renews on the first of each month, and you can cancel it at any time before that date.");
    private static final List<String> CLOSINGS = List.of("Is there anything else I can help with?", "Let us know if anything is unclear.",
            "Have a great day!", "We're here if you need anything more.");

    @Option(names = "--port", defaultValue = "8399", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--delay-ms", defaultValue = "300", description = "Time before every answer (default: ${DEFAULT-VALUE}).")
    long delayMs;

    @Option(names = "--jitter-ms", defaultValue = "0",
            description = "Plus a uniform 0..N ms per answer, so that drafts of one ticket finish apart (default: ${DEFAULT-VALUE}).")
    long jitterMs;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the replies and the jitter (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rate-limit", defaultValue = "0", description = "Answer at most N requests a second and refuse the rest with"
            + " HTTP 429 and Retry-After: 1, as a provider's rate limit does; 0: no limit (default: ${DEFAULT-VALUE}).")
    int rateLimit;

    @Override
    public Integer call() throws Exception {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--port", "from 1 to 65535", port));
        }
        if (delayMs < 0 || jitterMs < 0) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange(delayMs < 0 ? "--delay-ms" : "--jitter-ms", "0 or more",
                    delayMs < 0 ? delayMs : jitterMs));
        }
        if (rateLimit < 0) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--rate-limit", "0 or more", rateLimit));
        }
        StandInRateLimit limit = new StandInRateLimit(rateLimit);
        Random random = new Random(seed);
        AtomicLong answered = new AtomicLong();
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                if (!request.path().endsWith("/chat/completions")) {
                    request.response().setStatusCode(404).end();
                    return;
                }
                if (!limit.admit(System.currentTimeMillis())) {
                    request.response().setStatusCode(429).putHeader("Retry-After", "1").putHeader("content-type", "application/json")
                            .end(new JsonObject().put("error", new JsonObject().put("message", "stand-in rate limit reached")
                                    .put("type", "rate_limit_exceeded")).encode());
                    return;
                }
                String reply;
                long wait;
                synchronized (random) {
                    reply = draft(random);
                    wait = delayMs + (jitterMs == 0 ? 0 : (long) (random.nextDouble() * (jitterMs + 1)));
                }
                Runnable answer = () -> {
                    answered.incrementAndGet();
                    request.response().putHeader("content-type", "application/json").end(completion(reply));
                };
                if (wait == 0) {
                    answer.run();
                } else {
                    vertx.setTimer(wait, id -> answer.run());
                }
            })).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().handle((listening, failure) -> {
                // Vert.x says only "Address already in use", whichever transport it bound with.
                if (failure != null && String.valueOf(failure.getMessage()).contains("Address already in use")) {
                    throw new IllegalArgumentException(StartMessages.portTaken(port, "--port"));
                }
                if (failure != null) {
                    throw new CompletionException(failure);
                }
                return listening;
            }).get(10, TimeUnit.SECONDS);
            System.out.printf("stand-in LLM at http://127.0.0.1:%d/v1 (any model, any key), answering after %d ms%s%s; Ctrl+C stops it%n",
                    server.actualPort(), delayMs, jitterMs == 0 ? "" : " + 0–" + jitterMs + " ms",
                    rateLimit == 0 ? "" : ", at most " + rateLimit + " a second (HTTP 429 beyond)");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.printf("answered %d requests%s%n", answered.get(),
                        rateLimit == 0 ? "" : ", refused " + limit.refused() + " beyond the rate limit");
                stopped.countDown();
            }));
            stopped.await();
            return 0;
        } finally {
            vertx.close();
        }
    }

    /** About 60 tokens, like a short support reply. */
    private static String draft(Random random) {
        int first = random.nextInt(MIDDLES.size());
        int second = (first + 1 + random.nextInt(MIDDLES.size() - 1)) % MIDDLES.size();
        return OPENINGS.get(random.nextInt(OPENINGS.size())) + " " + MIDDLES.get(first) + " " + MIDDLES.get(second) + " "
                + CLOSINGS.get(random.nextInt(CLOSINGS.size()));
    }

    private static String completion(String text) {
        return new JsonObject().put("id", "stand-in").put("object", "chat.completion").put("created", System.currentTimeMillis() / 1000)
                .put("model", "stand-in").put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("finish_reason", "stop")
                        .put("message", new JsonObject().put("role", "assistant").put("content", text))))
                .put("usage", new JsonObject().put("prompt_tokens", 0).put("completion_tokens", 0).put("total_tokens", 0)).encode();
    }
}
