package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.security.Caller;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import dev.loopwise.ticket.Capitals;
import dev.loopwise.ticket.HeldOutRows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A round whose reward model continues from the base version's carries what the base version's round learned: held-out
 * judgements on a ticket worded, case and spacing aside, like one that round trained on would score that model on what it
 * learned, though this round trained on no judgement of it. The held-out preference checks leave them out and count them,
 * as they do look-alikes of the tickets the round itself trains on.
 */
@QuarkusTest
class WarmStartHeldOutLookAlikesTest {
    /** A seed no other round in the tests uses, so that the first round here starts its reward model afresh. */
    private static final long SEED = 31;
    private static final String SETTINGS = "{\"seed\":" + SEED + ",\"rewardModel\":\"vector\",\"policyEpochs\":2,\"replaySample\":0}";

    @Inject
    ReviewService review;
    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void heldOutJudgementsOnLookAlikesOfTicketsTheContinuedRewardModelLearnedAreLeftOut() {
        int base = ActiveModel.await();
        Caller admin = Caller.apiKey(keys, "admin");
        long[] item = {0};
        try {
            assertEquals(90, Judgements.judgeShorterIsBetter(review, users, 90), "the queue kept up");
            JsonPath first = AlignmentRoundTest.runRound(admin, SETTINGS);
            long firstRound = first.getLong("roundId");
            if (!first.getBoolean("promoted")) {
                admin.request().contentType("application/json").post("/api/v1/models/" + first.getInt("candidateVersion") + "/promote")
                        .then().statusCode(200);
            }
            assertEquals(30, Judgements.judgeShorterIsBetter(review, users, 30), "the queue kept up");
            long upto = Sql.number("select new_upto from alignment_rounds where id = " + firstRound);
            RoundSettings settings = new RoundSettings(RoundSettings.REWARD_WEIGHTED, 0.5, SEED, RewardTrainer.Config.defaults(SEED),
                    "vector", 2, Double.parseDouble(Sql.text("select settings ->> 'heldOutShare' from alignment_rounds where id = " + firstRound)),
                    0.55, 0.02, 5.0);
            // Items of tickets judged in the first round and never since, two different library replies each.
            List<Object[]> judgedThen = Sql.rows("""
                    select i.ticket_text, i.ticket_hash, i.reply1_id, i.reply2_id, i.reply1_text, i.reply2_text
                    from review_items i join judgements j on j.item_id = i.id
                    where j.choice <> 'skip' and j.id between %d and %d and i.reply1_id <> i.reply2_id
                      and not exists (select 1 from review_items k join judgements m on m.item_id = k.id
                                      where k.ticket_hash = i.ticket_hash and m.id > %d) order by j.id"""
                    .formatted(Sql.number("select new_from from alignment_rounds where id = " + firstRound), upto, upto));
            Object[] trainedThen = judgedThen.stream().filter(r -> !AlignmentEngine.isHeldOut((String) r[1], settings)).findFirst()
                    .orElseThrow(() -> new AssertionError(judgedThen.size() + " judged then, none on the training side"));
            String then = (String) trainedThen[0];
            // The same words in capitals with other spacing, a ticket this round keeps aside.
            String lookAlike = IntStream.range(1, 500).mapToObj(n -> "  " + Capitals.of(then) + " ".repeat(n))
                    .filter(t -> AlignmentEngine.isHeldOut(Hashing.sha256Hex(t), settings)).findFirst().orElseThrow();
            assertEquals(HeldOutRows.key(then), HeldOutRows.key(lookAlike));
            String unrelated = "A ticket no round read " + SEED;
            assertEquals(Set.of(HeldOutRows.key(lookAlike)), QuarkusTransaction.requiringNew().call(
                    () -> WarmLessons.taughtLookAlikes(em, firstRound, List.of(lookAlike, unrelated), settings)));

            long[] reviewers = {reviewer("a"), reviewer("b")};
            QuarkusTransaction.requiringNew().run(() -> {
                item[0] = ((Number) em.createNativeQuery("""
                        insert into review_items (ticket_text, ticket_hash, source, reply1_id, reply2_id, reply1_text, reply2_text,
                                                  strategy, required_judgements, judgements, status)
                        values (?1, ?2, 'ticket', ?3, ?4, ?5, ?6, 'top2', 2, 2, 'complete') returning id""")
                        .setParameter(1, lookAlike).setParameter(2, Hashing.sha256Hex(lookAlike)).setParameter(3, trainedThen[2])
                        .setParameter(4, trainedThen[3]).setParameter(5, trainedThen[4]).setParameter(6, trainedThen[5])
                        .getSingleResult()).longValue();
                for (long reviewer : reviewers) {
                    em.createNativeQuery("insert into judgements (item_id, reviewer_id, choice, swapped) values (?1, ?2, '1', false)")
                            .setParameter(1, item[0]).setParameter(2, reviewer).executeUpdate();
                }
            });

            JsonPath second = AlignmentRoundTest.runRound(admin, SETTINGS);
            assertEquals(1, second.getInt("metrics.'reward/warm_started'"), second.prettify());
            Object seen = second.get("metrics.'" + AlignmentEngine.SEEN_TEST_PAIRS + "'");
            assertTrue(seen instanceof Number n && n.intValue() >= reviewers.length, "left out as learned from: " + seen);
        } finally {
            if (item[0] != 0) {
                QuarkusTransaction.requiringNew().run(() -> {
                    em.createNativeQuery("delete from judgements where item_id = ?1").setParameter(1, item[0]).executeUpdate();
                    em.createNativeQuery("delete from review_items where id = ?1").setParameter(1, item[0]).executeUpdate();
                });
            }
            if (ActiveModel.await() != base) {
                admin.request().contentType("application/json").post("/api/v1/models/" + base + "/rollback").then().statusCode(200);
            }
            ActiveModel.await();
        }
    }

    private long reviewer(String suffix) {
        return ScratchAccounts.user(users.create("alike" + SEED + suffix + System.nanoTime() % 100_000, "long-enough-pw", "reviewer", null)).id;
    }
}
