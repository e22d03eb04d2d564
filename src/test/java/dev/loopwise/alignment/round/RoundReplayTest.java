package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A round after a round, on the real database: it reads the judgements made since its base version's round and
 * at most the replay size of older ones (sampled by PostgreSQL), records which, and its reward model continues
 * from the base version's — only when that one kept the same tickets aside, so the held-out measure stays honest.
 */
@QuarkusTest
class RoundReplayTest {
    private static final int REPLAY = 30;
    private static final String SETTINGS = "\"seed\":13,\"rewardModel\":\"vector\",\"policyEpochs\":2";

    @Inject
    ReviewService review;
    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void aSecondRoundReadsTheNewJudgementsPlusABoundedReplayAndContinuesFromTheFirstRoundsRewardModel() {
        int base = ActiveModel.await();
        Caller admin = Caller.apiKey(keys, "admin");
        try {
            assertEquals(90, Judgements.judgeShorterIsBetter(review, users, 90), "the queue kept up");
            JsonPath first = AlignmentRoundTest.runRound(admin, "{" + SETTINGS + "}");
            int firstVersion = first.getInt("candidateVersion");
            if (!first.getBoolean("promoted")) {
                admin.request().contentType("application/json").post("/api/v1/models/" + firstVersion + "/promote").then().statusCode(200);
            }
            long firstUpto = Sql.number("select new_upto from alignment_rounds where id = " + first.getLong("roundId"));
            long older = Sql.number("select count(*) from judgements where choice <> 'skip' and id <= " + firstUpto);
            assertTrue(older > REPLAY, "enough history to sample from: " + older);

            // Enough new judgements that the held-out share (about a tenth) can show learning at 5%: 8 of 10 right cannot.
            assertEquals(180, Judgements.judgeShorterIsBetter(review, users, 180), "the queue kept up");
            long fresh = Sql.number("select count(*) from judgements where choice <> 'skip' and id > " + firstUpto);
            JsonPath second = AlignmentRoundTest.runRound(admin, "{" + SETTINGS + ",\"replaySample\":" + REPLAY + "}");
            long roundId = second.getLong("roundId");
            assertEquals(firstVersion, second.getInt("baseVersion"));
            assertEquals(fresh, second.getInt("newJudgements"), "every judgement made since the first round: " + second.prettify());
            int replayed = second.getInt("replayedJudgements");
            assertTrue(replayed > 0 && replayed <= REPLAY, "a bounded replay sample: " + replayed);
            assertEquals(fresh + replayed, second.getInt("judgements"));
            assertEquals(replayed, Sql.number("select count(*) from round_replayed_judgements r join judgements j on j.id = r.judgement_id "
                    + "where j.choice <> 'skip' and j.id <= " + firstUpto + " and r.round_id = " + roundId), "recorded: older, not skipped");
            assertTrue(Sql.number("select new_from from alignment_rounds where id = " + roundId) > firstUpto);
            // A long history is sampled by table page instead, and read in many keyset pages; the same bounds hold.
            RoundJudgements.Read paged = QuarkusTransaction.requiringNew().call(() -> new RoundJudgements(em, Map.of(), 0, 7)
                    .read(firstUpto, new RoundScope(REPLAY, 1_000, 0), 13));
            assertEquals(fresh, paged.newCount());
            assertEquals(fresh, paged.pairs().stream().filter(p -> p.judgementId() > firstUpto).map(PreferencePair::judgementId)
                    .distinct().count(), "each new judgement once");
            assertTrue(!paged.replayed().isEmpty() && paged.replayed().size() <= REPLAY
                    && paged.replayed().stream().allMatch(id -> id <= firstUpto), paged.replayed().toString());
            assertEquals(paged.replayed().size(), paged.replayed().stream().distinct().count());

            assertEquals(1, second.getInt("metrics.'reward/warm_started'"), "continued from v" + firstVersion + "'s reward model");
            int testPairs = second.getInt("metrics.'reward/test_pairs'");
            int right = (int) Math.round(second.getDouble("metrics.'reward/accuracy'") * testPairs);
            assertTrue(GateStatistics.aboveHalf(right, testPairs) < 0.05, "still learned the taste: " + second.get("metrics"));
            String page = Caller.session("admin").request().accept("text/html").get("/admin/rounds/" + roundId)
                    .then().statusCode(200).extract().asString();
            assertTrue(page.contains("learned from " + fresh + " new judgements") && page.contains(replayed + " older judgement")
                    && page.contains("continued from v" + firstVersion), page);

            // Another seed keeps other tickets aside, which the first round's reward model may have trained on.
            JsonPath reseeded = AlignmentRoundTest.runRound(admin, "{\"seed\":14,\"rewardModel\":\"vector\",\"policyEpochs\":2,"
                    + "\"replaySample\":" + REPLAY + "}");
            assertEquals(0, reseeded.getInt("metrics.'reward/warm_started'"), reseeded.prettify());
            String reseededPage = Caller.session("admin").request().accept("text/html").get("/admin/rounds/" + reseeded.getLong("roundId"))
                    .then().statusCode(200).extract().asString();
            assertTrue(reseededPage.contains("started afresh"), reseededPage);
        } finally {
            if (ActiveModel.await() != base) {
                admin.request().contentType("application/json").post("/api/v1/models/" + base + "/rollback").then().statusCode(200);
            }
            ActiveModel.await();
        }
    }
}
