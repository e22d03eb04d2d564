package dev.loopwise.serving;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenAI's SDKs retry a 503 several times with backoff unless {@code x-should-retry: false} says not to: a missing model
 * says so, since only an admin clears it; a full queue and a failed batch, which clear by themselves, say true. A full
 * queue and a failed batch also say when to come back, in Retry-After, which the SDKs and most HTTP clients wait for.
 */
@QuarkusTest
class ChatRetryHeaderTest {
    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;
    @Inject
    ServingPipeline pipeline;
    @Inject
    ServingConfig config;
    Caller helpdesk;

    @BeforeEach
    void setUp() {
        ActiveModel.await();
        helpdesk = Caller.service(users, keys);
    }

    @Test
    void noActiveModelTellsClientsNotToRetryWhatOnlyAnAdminCanClear() {
        String ticket = "no model " + UUID.randomUUID();
        // The version is taken away in the encoder loop for this ticket alone: the model other tests use stays active.
        pipeline.beforeEncoding(texts -> {
            if (texts.contains(ticket)) {
                throw new ServingPipeline.NoActiveModel();
            }
        });
        try {
            chat(ticket).then().statusCode(503).header("x-should-retry", "false").header("Retry-After", nullValue())
                    .body("error.code", equalTo("no_active_model")).body("error.type", equalTo("server_error"));
            helpdesk.request().contentType("application/json").body("{\"text\":\"" + ticket + "\"}").post("/api/v1/respond")
                    .then().statusCode(503).header("x-should-retry", "false").body("code", equalTo("no_active_model"));
        } finally {
            pipeline.beforeEncoding(texts -> {
            });
        }
        chat("Where is my parcel? " + UUID.randomUUID()).then().statusCode(200).header("x-should-retry", nullValue());
    }

    @Test
    void aFailedBatchMayBeAskedAgain() {
        String ticket = "failing batch " + UUID.randomUUID();
        pipeline.beforeEncoding(texts -> {
            if (texts.contains(ticket)) {
                throw new IllegalStateException("the encoder failed on this batch");
            }
        });
        try {
            // The loop serves on after a failed batch, so the next one can succeed: a second is all a client need wait.
            chat(ticket).then().statusCode(503).header("x-should-retry", "true").header("Retry-After", "1")
                    .body("error.code", equalTo("serving_failed")).body("error.type", equalTo("server_error"));
            for (String endpoint : List.of("/api/v1/respond", "/api/v1/classify")) {
                helpdesk.request().contentType("application/json").body("{\"text\":\"" + ticket + "\"}").post(endpoint)
                        .then().statusCode(503).header("x-should-retry", "true").header("Retry-After", "1")
                        .body("code", equalTo("serving_failed"));
            }
        } finally {
            pipeline.beforeEncoding(texts -> {
            });
        }
    }

    @Test
    void aFullQueueMayBeAskedAgain() throws Exception {
        String first = "busy encoder " + UUID.randomUUID();
        List<CompletableFuture<ServingPipeline.Answer>> waiting = new ArrayList<>();
        try (HeldEncoder encoder = new HeldEncoder(pipeline, first)) {
            try {
                waiting.add(pipeline.submit(first, true, "test"));
                assertTrue(encoder.busy(), "the encoder took the first ticket");
                // While the encoder is busy, tickets wait in the queue until it is full.
                for (int i = 0; i < config.queueCapacity(); i++) {
                    waiting.add(pipeline.submit("queued " + i + " " + UUID.randomUUID(), true, "test"));
                }
                // Retry-After: by the end of the serving timeout every ticket queued now has been answered or given up.
                String retryAfter = String.valueOf(Math.max(1, (config.timeout().toMillis() + 999) / 1000));
                chat("one too many " + UUID.randomUUID()).then().statusCode(503).header("x-should-retry", "true")
                        .header("Retry-After", retryAfter).body("error.code", equalTo("overloaded"));
                for (String endpoint : List.of("/api/v1/respond", "/api/v1/classify")) {
                    helpdesk.request().contentType("application/json").body("{\"text\":\"one too many " + UUID.randomUUID() + "\"}")
                            .post(endpoint).then().statusCode(503).header("x-should-retry", "true").header("Retry-After", retryAfter)
                            .body("code", equalTo("overloaded")).body("error", containsString("try again in about " + retryAfter));
                }
            } finally {
                // Their callers gave up, before the encoder is released: the loop skips them instead of encoding
                // thousands of tickets nobody waits for.
                waiting.forEach(future -> future.completeExceptionally(new TimeoutException()));
            }
        }
    }

    private Response chat(String ticket) {
        return helpdesk.request().contentType("application/json")
                .body("{\"model\":\"loopwise\",\"messages\":[{\"role\":\"user\",\"content\":\"" + ticket + "\"}]}")
                .post("/v1/chat/completions");
    }
}
