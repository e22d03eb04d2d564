package dev.loopwise.monitoring;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two admins approving one proposed round at the same moment start one round; the other is told it was decided. */
@QuarkusTest
class DriftApprovalTest {
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void aConcurrentSecondApprovalGets409() throws Exception {
        long action = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "insert into monitoring_actions (action, reason, status) values ('round_requested', 'test: 200 new judgements', 'pending') "
                        + "returning id").getSingleResult()).longValue());
        Caller admin = Caller.apiKey(keys, "admin");
        List<Response> responses = approveTogether(admin, List.of(action, action));
        assertEquals(200, responses.get(0).statusCode(), responses.get(0).asString());
        assertEquals(409, responses.get(1).statusCode(), responses.get(1).asString());
        assertEquals("already_decided", responses.get(1).path("code"));
        assertTrue(((String) responses.get(1).path("error")).contains("already approved"), responses.get(1).asString());

        long roundId = ((Number) responses.get(0).path("roundId")).longValue();
        List<?> rounds = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select round_id from monitoring_actions where id = ?1 and status = 'approved'").setParameter(1, action).getResultList());
        assertEquals(List.of(roundId), rounds.stream().map(r -> ((Number) r).longValue()).toList(), "one round, named by the request");
        admin.request().contentType("application/json").post("/api/v1/drift/actions/" + action + "/dismiss").then().statusCode(409);
        admin.request().contentType("application/json").post("/api/v1/drift/actions/999999/approve").then().statusCode(404);
        // A request still waiting for judgements, or an action that is no request, is there but not one to decide.
        long waiting = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into monitoring_actions"
                + " (action, reason, status) values ('round_requested', 'test: waits', 'waiting') returning id").getSingleResult()).longValue());
        long items = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into monitoring_actions"
                + " (action, reason, status) values ('review_items', 'test: queued', 'done') returning id").getSingleResult()).longValue());
        try {
            admin.request().contentType("application/json").post("/api/v1/drift/actions/" + waiting + "/approve").then().statusCode(409)
                    .body("code", org.hamcrest.Matchers.equalTo("not_proposed_yet"));
            admin.request().contentType("application/json").post("/api/v1/drift/actions/" + items + "/dismiss").then().statusCode(409)
                    .body("code", org.hamcrest.Matchers.equalTo("nothing_to_decide"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from monitoring_actions where id in (?1, ?2)")
                    .setParameter(1, waiting).setParameter(2, items).executeUpdate());
        }
    }

    @Test
    void approvingOneOfTwoProposalsStartsOneRoundForBoth() throws Exception {
        long first = proposal("test: drift confirmed");
        long second = proposal("test: 200 new judgements");
        Caller admin = Caller.apiKey(keys, "admin");
        List<Response> responses = approveTogether(admin, List.of(second, first));
        assertEquals(200, responses.get(0).statusCode(), responses.get(0).asString());
        assertEquals(409, responses.get(1).statusCode(), "two proposals approved at once must not start two rounds: "
                + responses.get(1).asString());
        long roundId = ((Number) responses.get(0).path("roundId")).longValue();
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select round_id, reason from monitoring_actions where id in (?1, ?2) and status = 'approved' order by id")
                .setParameter(1, first).setParameter(2, second).getResultList());
        assertEquals(2, rows.size(), "both proposals are settled");
        for (Object row : rows) {
            assertEquals(roundId, ((Number) ((Object[]) row)[0]).longValue(), "both name the one round");
        }
        assertTrue(rows.stream().anyMatch(row -> ((String) ((Object[]) row)[1]).contains("covers this one too")), "the other one says why");
    }

    @Test
    void aRoundStillWaitingItsTurnAnswersTheProposalInsteadOfASecondOne() {
        // A round another test queued may still wait behind the demo's first training (run alone, this class starts with it):
        // it would be the waiting round the approval answers with.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update alignment_rounds set status = 'cancelled', finished_at = now() where status = 'queued'").executeUpdate());
        // A round queued behind a training (no job is scheduled for this row, so it stays queued while the test runs).
        long queued = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into alignment_rounds"
                + " (method, settings, status, started_by) values ('reward_weighted', '{}'::jsonb, 'queued', 'test') returning id")
                .getSingleResult()).longValue());
        try {
            long action = proposal("test: drift confirmed while a round waits");
            Response approved = Caller.apiKey(keys, "admin").request().contentType("application/json")
                    .post("/api/v1/drift/actions/" + action + "/approve");
            assertEquals(200, approved.statusCode(), approved.asString());
            assertEquals(queued, ((Number) approved.path("roundId")).longValue(), "the waiting round, not a copy behind it");
            assertEquals("/api/v1/rounds/" + queued, URI.create(approved.header("Location")).getPath(), "the round's address");
            Caller.apiKey(keys, "admin").request().get(URI.create(approved.header("Location")).getPath()).then().statusCode(200)
                    .body("roundId", equalTo((int) queued));
            // The pages say it waits, rather than "start another" (Rounds) or "no round yet" (the overview).
            Caller lead = Caller.session("admin");
            String rounds = lead.pageRequest().accept("text/html").get("/admin/rounds").then().statusCode(200).extract().asString();
            assertTrue(rounds.contains("Round " + queued + " is queued") && !rounds.contains("Start another"), rounds);
            String round = lead.pageRequest().accept("text/html").get("/admin/rounds/" + queued).then().statusCode(200).extract().asString();
            assertTrue(round.contains("The round is queued") && !round.contains("reading the judgements"), round);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update alignment_rounds set status = 'cancelled',"
                    + " finished_at = now() where id = ?1").setParameter(1, queued).executeUpdate());
        }
    }

    /** Approves these proposals at the same moment, one request each; the answers sorted by status. */
    private static List<Response> approveTogether(Caller admin, List<Long> actions) throws Exception {
        CyclicBarrier together = new CyclicBarrier(actions.size());
        ExecutorService pool = Executors.newFixedThreadPool(actions.size());
        List<Response> responses = new ArrayList<>();
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (long action : actions) {
                sent.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return admin.request().contentType("application/json").post("/api/v1/drift/actions/" + action + "/approve");
                }));
            }
            for (Future<Response> f : sent) {
                responses.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        responses.sort((a, b) -> Integer.compare(a.statusCode(), b.statusCode()));
        return responses;
    }

    private long proposal(String reason) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into monitoring_actions"
                + " (action, reason, status) values ('round_requested', ?1, 'pending') returning id").setParameter(1, reason)
                .getSingleResult()).longValue());
    }
}
