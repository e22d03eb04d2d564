package dev.loopwise.serving;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.encoder.EncoderService;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The serving encoder loop after an Error in a batch, requests abandoned while queued, and readiness when its thread is gone. */
@QuarkusTest
class ServingResilienceTest {
    @Inject
    ApiKeyService keys;
    @Inject
    ServingPipeline pipeline;
    @Inject
    BatchFinisher finisher;
    @Inject
    EntityManager em;
    @Inject
    EncoderService encoders;

    @Test
    void anErrorFailsItsBatchWith503AndTheLoopServesOn() {
        ActiveModel.await();
        Caller client = Caller.apiKey(keys, "admin");
        String poison = "poison " + UUID.randomUUID();
        // No ticket text makes the encoder throw an Error, so one is thrown in the real loop where the encoder runs.
        pipeline.beforeEncoding(texts -> {
            if (texts.contains(poison)) {
                throw new OutOfMemoryError("Java heap space");
            }
        });
        try {
            client.request().contentType("application/json").body("{\"text\":\"" + poison + "\"}").post("/api/v1/respond")
                    .then().statusCode(503).body("code", equalTo("serving_failed"));
            for (int i = 0; i < 3; i++) {
                client.request().contentType("application/json").body("{\"text\":\"Where is my parcel? It has been a week.\"}")
                        .post("/api/v1/respond").then().statusCode(200);
            }
        } finally {
            pipeline.beforeEncoding(texts -> {
            });
        }
        long logged = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from served_requests where text = ?1").setParameter(1, poison).getSingleResult()).longValue());
        assertEquals(0, logged, "a failed request is not logged as answered");
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem(EncoderReadiness.NAME));
    }

    @Test
    void textTheLogCannotStoreFailsAloneAndNotTheRequestsBatchedWithIt() {
        ActiveModel.await();
        List<CompletableFuture<ServingPipeline.Answer>> good = new ArrayList<>();
        CompletableFuture<ServingPipeline.Answer> bad = null;
        for (int i = 0; i < 6; i++) {
            good.add(pipeline.submit("Where is my parcel? " + i + " " + UUID.randomUUID(), true, "test"));
            if (i == 2) {
                bad = pipeline.submit("where is my order \u0000 now", true, "test");
            }
        }
        CompletableFuture<ServingPipeline.Answer> refused = bad;
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class, () -> refused.get(30, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof IllegalArgumentException, String.valueOf(failure.getCause()));
        for (CompletableFuture<ServingPipeline.Answer> answer : good) {
            assertFalse(answer.join().decision() == null);
        }
        Caller client = Caller.apiKey(keys, "admin");
        client.request().contentType("application/json").body("{\"text\":\"where is my order \\u0000 now\"}").post("/api/v1/respond")
                .then().statusCode(400).body("code", equalTo("invalid_text"));
        client.request().contentType("text/plain").body("where is my order").post("/api/v1/respond")
                .then().statusCode(415).body("error", org.hamcrest.Matchers.containsString("application/json"));
    }

    @Test
    void aRequestWhoseCallerWasAlreadyAnsweredIsNeitherEncodedNorLogged() throws Exception {
        ActiveModel.await();
        String first = "first " + UUID.randomUUID();
        String late = "late " + UUID.randomUUID();
        List<String> encoded = new CopyOnWriteArrayList<>();
        try (HeldEncoder encoder = new HeldEncoder(pipeline, first, encoded::addAll)) { // the encoder is busy with a slow batch
            CompletableFuture<ServingPipeline.Answer> answered = pipeline.submit(first, true, "test");
            assertTrue(encoder.busy());
            CompletableFuture<ServingPipeline.Answer> waiting = pipeline.submit(late, true, "test");
            // What the request's timeout does while it waits in the queue: its caller gets 503 now.
            waiting.completeExceptionally(new TimeoutException());
            encoder.release();
            answered.get(30, TimeUnit.SECONDS);
            pipeline.submit("after " + UUID.randomUUID(), true, "test").get(30, TimeUnit.SECONDS);
        }
        assertFalse(encoded.contains(late), "encoded: " + encoded);
        long logged = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from served_requests where text = ?1").setParameter(1, late).getSingleResult()).longValue());
        assertEquals(0, logged);
    }

    @Test
    void aRequestThatTimesOutWhileItsRowIsWrittenIsNotLoggedAsAnswered() throws Exception {
        ActiveModel.await();
        String text = "timing out " + UUID.randomUUID();
        List<CompletableFuture<ServingPipeline.Answer>> request = new CopyOnWriteArrayList<>();
        finisher.afterLogging(texts -> {
            if (texts.contains(text)) {
                request.get(0).completeExceptionally(new TimeoutException()); // what the caller's timeout does at this moment
            }
        });
        try {
            request.add(pipeline.submit(text, true, "test"));
            ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(
                    ExecutionException.class, () -> request.get(0).get(30, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof TimeoutException, String.valueOf(failure.getCause()));
            pipeline.submit("after " + UUID.randomUUID(), true, "test").get(30, TimeUnit.SECONDS);
        } finally {
            finisher.afterLogging(texts -> {
            });
        }
        long logged = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from served_requests where text = ?1").setParameter(1, text).getSingleResult()).longValue());
        assertEquals(0, logged, "its caller got 503 and no request id");
    }

    @Test
    void backgroundEncodingGivesWayWhileABatchIsServedAndNotOnceEveryBatchIsDone() throws Exception {
        ActiveModel.await();
        System.gc(); // the Prometheus counter below must still read the live figure after a collection
        String first = "held " + UUID.randomUUID();
        List<String> background = IntStream.range(0, 20).mapToObj(i -> "background text " + i + " " + UUID.randomUUID()).toList();
        double before;
        try (HeldEncoder encoder = new HeldEncoder(pipeline, first)) {
            CompletableFuture<ServingPipeline.Answer> held = pipeline.submit(first, true, "test");
            assertTrue(encoder.busy());
            before = encoders.backgroundWaitSeconds();
            // 20 texts are 3 ONNX calls of 8: each waits its longest (100 ms) for the held batch.
            CompletableFuture.runAsync(() -> encoders.encodeInBackground(encoders.workspaceEncoder(), background)).get(30, TimeUnit.SECONDS);
            assertTrue(encoders.backgroundWaitSeconds() - before >= 0.29, "waited " + (encoders.backgroundWaitSeconds() - before) + " s");
            String scraped = Caller.apiKey(keys, "admin").request().get("/q/metrics").then().statusCode(200).extract().asString();
            double counted = scraped.lines().filter(l -> l.startsWith("loopwise_encoder_background_wait_seconds_total"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
            assertTrue(counted >= before + 0.29, "the metric says " + counted + " s, the encoder " + encoders.backgroundWaitSeconds() + " s");
            encoder.release();
            held.get(30, TimeUnit.SECONDS);
        }
        // A failed batch and answered ones all end their serving: background work no longer waits.
        Caller client = Caller.apiKey(keys, "admin");
        pipeline.beforeEncoding(texts -> {
            throw new IllegalStateException("failed batch");
        });
        try {
            client.request().contentType("application/json").body("{\"text\":\"failing " + UUID.randomUUID() + "\"}").post("/api/v1/respond")
                    .then().statusCode(503);
        } finally {
            pipeline.beforeEncoding(texts -> {
            });
        }
        for (int i = 0; i < 3; i++) {
            client.request().contentType("application/json").body("{\"text\":\"Where is my parcel " + i + "?\"}").post("/api/v1/respond")
                    .then().statusCode(200);
        }
        // The answered batch ends its serving just after its answer left.
        for (int wait = 0; wait < 100 && encoders.servingInFlight() > 0; wait++) {
            Thread.sleep(50);
        }
        assertEquals(0, encoders.servingInFlight(), "serving work still counted in flight with nothing being served");
        double settled = encoders.backgroundWaitSeconds();
        encoders.encodeInBackground(encoders.workspaceEncoder(), background.stream().map(t -> t + " again").toList());
        assertTrue(encoders.backgroundWaitSeconds() - settled < 0.09, "background work still waited "
                + (encoders.backgroundWaitSeconds() - settled) + " s with nothing being served");
    }

    @Test
    void readinessIsDownWhileTheEncoderThreadIsDead() throws Exception {
        ActiveModel.await();
        Thread encoder = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("loopwise-serving-encoder"))
                .findFirst().orElseThrow();
        encoder.interrupt(); // idle in take(): the loop ends, as any death of the thread would end it
        encoder.join(10_000);
        try {
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            pipeline.startEncoder();
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Caller.apiKey(keys, "admin").request().contentType("application/json").body("{\"text\":\"I want to cancel my order\"}")
                .post("/api/v1/classify").then().statusCode(200);
    }
}
