package dev.loopwise.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.AtOnce;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An admin approving a proposed round while another starts one with the same settings: one round is queued, not two. */
@QuarkusTest
class ApprovalBesideRoundStartTest {
    /** Each try is a few milliseconds of overlap; several make a missing lock show every time. */
    private static final int TRIES = 8;

    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void anApprovalAndARoundStartAtTheSameMomentQueueOneRound() throws Exception {
        ActiveModel.await();
        // A round another test queued would be the one both share; one that runs must end before the blocker can run.
        cancelQueued();
        awaitNoRound();
        Caller admin = Caller.apiKey(keys, "admin");
        String batch = UUID.randomUUID().toString();
        // Enough imported pairs that a start is not refused for want of judgements, and a round that "runs" already, so the
        // queued ones stay queued (one round at a time) while they are counted. It began an hour ago: no start shares it.
        long blocker = QuarkusTransaction.requiringNew().call(() -> {
            for (int i = 0; i < 10; i++) {
                em.createNativeQuery("insert into imported_preferences (prompt, chosen, rejected, batch, created_by, pair_hash)"
                        + " values ('p', 'a" + i + "', 'b', ?1, 'test', ?2)").setParameter(1, batch)
                        .setParameter(2, Hashing.sha256Hex(batch + i)).executeUpdate();
            }
            return ((Number) em.createNativeQuery("insert into alignment_rounds (method, settings, status, started_by, heartbeat_at,"
                    + " created_at) values ('dpo', '{}'::jsonb, 'running', 'test', now(), now() - interval '1 hour') returning id")
                    .getSingleResult()).longValue();
        });
        try {
            for (int attempt = 0; attempt < TRIES; attempt++) {
                long action = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into monitoring_actions"
                        + " (action, reason, status) values ('round_requested', 'test: drift beside a start', 'pending') returning id")
                        .getSingleResult()).longValue());
                List<Response> answers = AtOnce.run(
                        () -> admin.request().contentType("application/json").post("/api/v1/drift/actions/" + action + "/approve"),
                        () -> admin.request().contentType("application/json").body("{}").post("/api/v1/rounds"));
                assertEquals(200, answers.get(0).statusCode(), answers.get(0).asString());
                assertEquals(202, answers.get(1).statusCode(), answers.get(1).asString());
                List<Long> queued = queuedAfter(blocker);
                cancelQueued();
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from monitoring_actions where id = ?1")
                        .setParameter(1, action).executeUpdate());
                assertEquals(1, queued.size(), "try " + (attempt + 1) + ": the approval and the start must share one round: " + queued);
                long approved = ((Number) answers.get(0).path("roundId")).longValue();
                long started = ((Number) answers.get(1).path("roundId")).longValue();
                assertEquals(List.of(approved, started), List.of(queued.get(0), queued.get(0)), "both answers name it");
            }
        } finally {
            cancelQueued();
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("update alignment_rounds set status = 'cancelled', finished_at = now() where id = ?1")
                        .setParameter(1, blocker).executeUpdate();
                em.createNativeQuery("delete from imported_preferences where batch = ?1").setParameter(1, batch).executeUpdate();
            });
        }
    }

    private List<Long> queuedAfter(long id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from alignment_rounds where status = 'queued' and id > ?1 order by id").setParameter(1, id).getResultList()
                .stream().map(n -> ((Number) n).longValue()).toList());
    }

    private void cancelQueued() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update alignment_rounds set status = 'cancelled', finished_at = now() where status = 'queued'").executeUpdate());
    }

    /** A round of another test may still run: this one needs the queue to itself. */
    private void awaitNoRound() {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from alignment_rounds where status in ('queued', 'running')").getSingleResult()).longValue()) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a round is still running");
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
