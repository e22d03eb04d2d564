package dev.loopwise.alignment.round;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.HeldTrainingSlot;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** A round from judgements to a served version, through the API and the real database. */
@QuarkusTest
class AlignmentRoundTest {
    @Inject
    ReviewService review;
    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void aRoundLearnsTheReviewersTasteReportsItAndTheSameDataGiveTheSameMetrics() {
        int base = ActiveModel.await();
        // Enough judgements that about 30 held-out pairs test the reward model: with a dozen, the binomial test below
        // could not tell a model right three times in four from chance.
        int judged = Judgements.judgeShorterIsBetter(review, users, 240);
        assertTrue(judged >= 220, "judged " + judged);
        Caller admin = Caller.apiKey(keys, "admin");
        assertEquals(base, servedVersion(admin)); // logged now, so both rounds below see the same known tickets
        long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from judgements where choice <> 'skip'").getSingleResult()).longValue());

        // The vector reward model, named: with this many comparisons the automatic choice may also try the cross-encoder,
        // whose training stops on a clock, and the second run below must be able to repeat the first exactly.
        String settings = "{\"method\":\"reward_weighted\",\"seed\":7,\"rewardModel\":\"vector\"}";
        JsonPath first = runRound(admin, settings);
        assertEquals(stored, first.getInt("judgements"), "lineage names every judgement used");
        // Learned: above chance by the reward gate's own exact binomial test (α = 0.05).
        int testPairs = first.getInt("metrics.'reward/test_pairs'");
        int right = (int) Math.round(first.getDouble("metrics.'reward/accuracy'") * testPairs);
        assertTrue(GateStatistics.aboveHalf(right, testPairs) < 0.05, "reward model learned the taste: " + first.get("metrics"));
        // The active version may already agree with nearly every held-out preference; the candidate must not fall behind
        // beyond chance. On 35 pairs two standard errors of the difference are about 20 points (2·sqrt(2·0.75·0.25/35)), and
        // a 4-pair gap (0.66 against 0.77) came up on one run: the gates, not this test, decide on differences that small.
        double candidateAgreement = first.getDouble("metrics.'eval/candidate_preference_agreement'");
        double activeAgreement = first.getDouble("metrics.'eval/active_preference_agreement'");
        int pairs = first.getInt("metrics.'eval/preference_pairs'");
        double mean = (candidateAgreement + activeAgreement) / 2;
        assertTrue(activeAgreement - candidateAgreement <= 2 * Math.sqrt(2 * mean * (1 - mean) / pairs) + 1e-9,
                first.get("metrics").toString());
        assertNotNull(first.get("metrics.'policy/kl'"));
        assertEquals(4, first.getList("gates").size());
        int candidate = first.getInt("candidateVersion");
        assertStatusFollowsTheGates(first);
        // The version keeps its round's verdict, which its status loses once an admin promotes it by hand.
        boolean allPassed = first.getList("gates.verdict").stream().allMatch("pass"::equals);
        assertEquals(String.valueOf(allPassed), QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select lineage->>'passedGates' from model_versions where version = ?1").setParameter(1, candidate).getSingleResult()));
        // The candidate's page points to the round's figures instead of showing empty intent figures it never measured.
        String versionPage = Caller.session("admin").request().accept("text/html").get("/admin/models/" + candidate)
                .then().statusCode(200).extract().asString();
        assertTrue(versionPage.contains("improvement round " + first.getLong("roundId")) && !versionPage.contains("Measured on 0 tickets kept aside"),
                versionPage);
        String models = Caller.session("admin").request().accept("text/html").get("/admin/models").then().statusCode(200).extract().asString();
        assertTrue(models.contains("measured by <a href=\"/admin/rounds/" + first.getLong("roundId") + "\">round " + first.getLong("roundId")
                + "</a>"), "the list says where its figures are instead of blank columns");
        if (first.getBoolean("promoted")) {
            assertEquals("promoted", first.getString("status"));
            assertEquals(candidate, servedVersion(admin), "the response names the new version");
            admin.request().contentType("application/json").post("/api/v1/models/" + base + "/rollback").then().statusCode(200);
            assertEquals(base, servedVersion(admin));
        } else {
            assertNotNull(first.getString("reason"));
        }

        String page = Caller.session("admin").request().accept("text/html").get("/admin/rounds/" + first.getLong("roundId"))
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("What to do next:"), page);
        assertTrue(page.contains("Did Loopwise learn what reviewers prefer?"), page);
        assertTrue(page.contains("Details for ML engineers"), page);
        assertTrue(page.contains("Demo ") || page.contains("taste"), "reviewer weights are named by reviewer: " + page);
        assertTrue(!page.matches("(?s).*\\{\\d+=0\\.\\d+.*"), "no weights keyed by user id");

        JsonPath again = runRound(admin, settings);
        assertSameMetrics(withoutTimes(first.getMap("metrics")), withoutTimes(again.getMap("metrics")));
    }

    @Test
    void dpoRunsOnTheHumanPairsAndBadSettingsAreRefused() {
        ActiveModel.await();
        Judgements.judgeShorterIsBetter(review, users, 40);
        Caller admin = Caller.apiKey(keys, "admin");
        // Names in any case, as the training regime is taken; stored and shown as the lower-case name.
        JsonPath dpo = runRound(admin, "{\"method\":\"DPO\",\"rewardModel\":\"Vector\",\"policyEpochs\":3}");
        assertStatusFollowsTheGates(dpo);
        assertEquals("dpo", dpo.getString("method"));
        assertEquals("vector", dpo.getString("settings.rewardModel"));
        admin.request().contentType("application/json").body("{\"method\":\"ppo\"}").post("/api/v1/rounds")
                .then().statusCode(400).body("code", equalTo("invalid_round"));
        admin.request().contentType("application/json").body("{\"beta\":-1}").post("/api/v1/rounds").then().statusCode(400);
        // The list is read a page at a time.
        admin.request().get("/api/v1/rounds?limit=-1").then().statusCode(400).body("code", equalTo("invalid_paging"));
        admin.request().get("/api/v1/rounds?limit=1").then().statusCode(200).body("size()", org.hamcrest.Matchers.lessThanOrEqualTo(1));
        admin.request().get("/api/v1/rounds?offset=2147483000&limit=200").then().statusCode(200).body("size()", equalTo(0));
        // A β so small that the update's arithmetic breaks down is refused up front, not failed inside DJL.
        admin.request().contentType("application/json").body("{\"method\":\"dpo\",\"beta\":1e-300}").post("/api/v1/rounds")
                .then().statusCode(400).body("error", org.hamcrest.Matchers.containsString("between 0.01 and 100"));
        admin.request().get("/api/v1/rounds/99999").then().statusCode(404);
        // The same request twice while the first waits (the slot is held, so it cannot start) shares that round.
        long[] ids = HeldTrainingSlot.run(() -> {
            var firstStarted = admin.request().contentType("application/json").body("{\"method\":\"dpo\",\"seed\":77}")
                    .post("/api/v1/rounds").then().statusCode(202).extract();
            var againStarted = admin.request().contentType("application/json").body("{\"method\":\"dpo\",\"seed\":77}")
                    .post("/api/v1/rounds").then().statusCode(202).extract();
            long first = ((Number) firstStarted.path("roundId")).longValue();
            long again = ((Number) againStarted.path("roundId")).longValue();
            // Both answers name the round's address, the copy's too, and it reads that round.
            for (var started : List.of(firstStarted, againStarted)) {
                String location = URI.create(started.header("Location")).getPath();
                assertEquals("/api/v1/rounds/" + first, location);
                admin.request().get(location).then().statusCode(200).body("roundId", equalTo((int) first));
            }
            long other = ((Number) admin.request().contentType("application/json").body("{\"method\":\"dpo\",\"seed\":78}")
                    .post("/api/v1/rounds").then().statusCode(202).extract().path("roundId")).longValue();
            for (long id : new long[] {first, other}) {
                admin.request().contentType("application/json").post("/api/v1/rounds/" + id + "/cancel").then().statusCode(200);
            }
            return new long[] {first, again, other};
        });
        assertEquals(ids[0], ids[1], "an identical request shares the waiting round");
        assertTrue(ids[2] != ids[0], "other settings queue a round of their own");
        // With the slot free the first starts at once; a copy sent right after (a retry) still shares it.
        long started = ((Number) admin.request().contentType("application/json").body("{\"method\":\"dpo\",\"seed\":79}")
                .post("/api/v1/rounds").then().statusCode(202).extract().path("roundId")).longValue();
        long retried = ((Number) admin.request().contentType("application/json").body("{\"method\":\"dpo\",\"seed\":79}")
                .post("/api/v1/rounds").then().statusCode(202).extract().path("roundId")).longValue();
        assertEquals(started, retried, "a copy sent a moment later shares the round that started");
        admin.request().contentType("application/json").post("/api/v1/rounds/" + started + "/cancel");
        long until = System.currentTimeMillis() + 120_000;
        while (Set.of("queued", "running").contains(admin.request().get("/api/v1/rounds/" + started).then().extract().<String>path("status"))
                && System.currentTimeMillis() < until) {
            LockSupport.parkNanos(200_000_000L);
        }
        // The form says which value did not read as a number, and how to write one (a decimal comma is common).
        Caller lead = Caller.session("admin");
        String refused = lead.landedOn(lead.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded")
                .body("method=reward_weighted&beta=0,5&csrf-token=" + lead.csrfToken()).post("/admin/rounds"), 400);
        assertTrue(refused.contains("&#39;0,5&#39; is not a number") || refused.contains("'0,5' is not a number"), refused);
    }

    /**
     * Promoted exactly when every gate passed, rejected when one failed, otherwise waiting for evidence
     * with an estimate of the judgements needed; every statistical gate reports its interval.
     */
    static void assertStatusFollowsTheGates(JsonPath round) {
        List<String> verdicts = round.getList("gates.verdict");
        String status = round.getString("status");
        String expected = verdicts.stream().allMatch("pass"::equals) ? "promoted"
                : verdicts.contains("fail") ? "rejected" : "needs_evidence";
        assertEquals(expected, status, round.prettify());
        if (status.equals("needs_evidence")) {
            assertTrue(round.getString("reason").contains("more judgements") || round.getString("reason").contains("labelled test tickets"),
                    round.getString("reason"));
        }
        for (int i = 0; i < verdicts.size(); i++) {
            String name = round.getString("gates[" + i + "].name");
            if (!name.equals("kl_bound") && round.get("gates[" + i + "].effect") != null) {
                assertTrue(round.getDouble("gates[" + i + "].low") <= round.getDouble("gates[" + i + "].high"), name);
            }
        }
    }

    static JsonPath runRound(Caller admin, String body) {
        long id = ((Number) admin.request().contentType("application/json").body(body).post("/api/v1/rounds")
                .then().statusCode(202).extract().path("roundId")).longValue();
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath round = admin.request().get("/api/v1/rounds/" + id).then().statusCode(200).extract().jsonPath();
            String status = round.getString("status");
            if (status.equals("failed")) {
                throw new AssertionError("round failed: " + round.getString("reason"));
            }
            if (status.equals("promoted") || status.equals("rejected") || status.equals("needs_evidence")) {
                return round;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("round did not finish");
    }

    /**
     * Same data, settings and seed give the same metrics — up to the last digits of float sums, which
     * PyTorch's CPU kernels may add in another order from one run to the next.
     */
    private static void assertSameMetrics(Map<String, Object> first, Map<String, Object> again) {
        assertEquals(first.keySet(), again.keySet());
        for (String key : first.keySet()) {
            Object a = first.get(key);
            Object b = again.get(key);
            if (a instanceof Number x && b instanceof Number y) {
                double tolerance = 1e-4 + 1e-3 * Math.abs(x.doubleValue());
                assertTrue(Math.abs(x.doubleValue() - y.doubleValue()) <= tolerance, key + ": " + a + " then " + b);
            } else {
                assertEquals(a, b, key);
            }
        }
    }

    private static Map<String, Object> withoutTimes(Map<String, Object> metrics) {
        Map<String, Object> kept = new TreeMap<>(metrics);
        kept.keySet().removeIf(k -> k.startsWith("time/"));
        return kept;
    }

    private static int servedVersion(Caller caller) {
        return caller.request().contentType("application/json").body("{\"text\":\"I want to return the lamp I bought\"}")
                .post("/api/v1/respond").then().statusCode(200).extract().path("modelVersion");
    }
}
