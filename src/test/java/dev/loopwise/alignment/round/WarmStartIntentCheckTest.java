package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import dev.loopwise.ticket.Capitals;
import dev.loopwise.ticket.HeldOutRows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A round whose reward model continues from the base version's carries what the base version's round learned: a labelled
 * ticket kept for checking that reviewers judged only then (imported unlabelled, reviewed, labelled later) taught the
 * candidate which reply suits it, though this round read none of its judgements. The reply-fits-the-intent check leaves it
 * out and counts it, as it does the tickets the round itself trained on; so it does a ticket in the same words, case and
 * spacing aside, and one in the words of an imported pair's ticket that round trained on, which a later round may no longer
 * read.
 */
@QuarkusTest
class WarmStartIntentCheckTest {
    /** A seed no other round in the tests uses, so that the first round here starts its reward model afresh. */
    private static final long SEED = 29;
    private static final String BATCH = "warm-start-intent-check";
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
    void ticketsTheContinuedRewardModelLearnedInTheBaseRoundAreLeftOutOfTheIntentCheck() {
        int base = ActiveModel.await();
        Caller admin = Caller.apiKey(keys, "admin");
        List<Long> labelled = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    insert into imported_preferences (prompt, chosen, rejected, batch, pair_hash)
                    select 'Imported check ' || n || ': my parcel has still not arrived', 'It is on its way.', 'No idea.', ?1,
                           md5(?1 || n) from generate_series(1, 8) n""").setParameter(1, BATCH).executeUpdate());
            assertEquals(90, Judgements.judgeShorterIsBetter(review, users, 90), "the queue kept up");
            JsonPath first = AlignmentRoundTest.runRound(admin, SETTINGS);
            long firstRound = first.getLong("roundId");
            if (!first.getBoolean("promoted")) {
                admin.request().contentType("application/json").post("/api/v1/models/" + first.getInt("candidateVersion") + "/promote")
                        .then().statusCode(200);
            }
            assertEquals(90, Judgements.judgeShorterIsBetter(review, users, 90), "the queue kept up");
            long from = Sql.number("select new_from from alignment_rounds where id = " + firstRound);
            long upto = Sql.number("select new_upto from alignment_rounds where id = " + firstRound);
            RoundSettings settings = new RoundSettings(RoundSettings.REWARD_WEIGHTED, 0.5, SEED, RewardTrainer.Config.defaults(SEED),
                    "vector", 2, Double.parseDouble(Sql.text("select settings ->> 'heldOutShare' from alignment_rounds where id = " + firstRound)),
                    0.55, 0.02, 5.0);
            // Unlabelled tickets judged in the first round and never since, by the side of the split they fell on.
            List<Object[]> judgedThen = Sql.rows("""
                    select t.id, t.text from tickets t where t.intent_id is null
                    and exists (select 1 from review_items i join judgements j on j.item_id = i.id where i.ticket_hash = t.text_hash
                                and j.choice <> 'skip' and j.id between %d and %d)
                    and not exists (select 1 from review_items i join judgements j on j.item_id = i.id where i.ticket_hash = t.text_hash
                                    and j.id > %d) order by t.id""".formatted(from, upto, upto));
            List<Object[]> trainedThen = judgedThen.stream().filter(r -> !AlignmentEngine.isHeldOut(hash(r), settings)).limit(3).toList();
            List<Object[]> keptAsideThen = judgedThen.stream().filter(r -> AlignmentEngine.isHeldOut(hash(r), settings)).limit(1).toList();
            List<Object[]> judgedSince = Sql.rows("""
                    select t.id, t.text from tickets t where t.intent_id is null
                    and exists (select 1 from review_items i join judgements j on j.item_id = i.id where i.ticket_hash = t.text_hash
                                and j.choice <> 'skip' and j.id > %d)
                    and not exists (select 1 from review_items i join judgements j on j.item_id = i.id where i.ticket_hash = t.text_hash
                                    and j.id <= %d) order by t.id limit 1""".formatted(upto, upto));
            assertFalse(trainedThen.size() < 3 || keptAsideThen.isEmpty() || judgedSince.isEmpty(), judgedThen.size() + " judged then");

            // Labelled later, as kept for checking: what the lookup finds, along the first round's line, is what it trained on.
            List<WorkspaceSnapshot.TicketInfo> checked = Stream.of(trainedThen, keptAsideThen, judgedSince).flatMap(List::stream)
                    .map(r -> new WorkspaceSnapshot.TicketInfo(((Number) r[0]).longValue(), (String) r[1], "x", null, "test")).toList();
            Set<String> taught = QuarkusTransaction.requiringNew().call(() -> WarmLessons.taught(em, firstRound, checked, settings));
            assertEquals(trainedThen.stream().map(r -> HeldOutRows.key((String) r[1])).collect(Collectors.toSet()), taught);
            // The same words, case and spacing aside, taught it as much as the ticket judged.
            String twin = lookAlike((String) trainedThen.get(0)[1]);
            assertEquals(Set.of(HeldOutRows.key(twin)), QuarkusTransaction.requiringNew().call(() -> WarmLessons.taught(em, firstRound,
                    List.of(new WorkspaceSnapshot.TicketInfo(-1, twin, "x", null, "test")), settings)), "a look-alike of a ticket judged then");
            // So did an imported pair's ticket on the training side, and the lookup finds it by its words too.
            List<String> importedPrompts = Sql.rows("select prompt, id from imported_preferences where batch = '" + BATCH + "' order by id")
                    .stream().map(r -> (String) r[0]).toList();
            List<String> importedTrained = importedPrompts.stream()
                    .filter(p -> !AlignmentEngine.isHeldOut(Hashing.sha256Hex(p), settings)).toList();
            List<String> importedKeptAside = importedPrompts.stream()
                    .filter(p -> AlignmentEngine.isHeldOut(Hashing.sha256Hex(p), settings)).toList();
            assertFalse(importedTrained.isEmpty(), "some imported pairs were trained on");
            List<String> importedTwins = importedPrompts.stream().map(WarmStartIntentCheckTest::lookAlike).toList();
            Set<String> expected = importedTrained.stream().map(HeldOutRows::key).collect(Collectors.toSet());
            assertEquals(expected, QuarkusTransaction.requiringNew().call(() -> WarmLessons.taught(em, firstRound, importedTwins.stream()
                    .map(text -> new WorkspaceSnapshot.TicketInfo(-1, text, "x", null, "test")).toList(), settings)), "imported, kept aside: "
                    + importedKeptAside.size());
            assertEquals(expected, QuarkusTransaction.requiringNew().call(() -> WarmLessons.taughtLookAlikes(em, firstRound, importedTwins,
                    settings)), "held-out judgements in the words of an imported pair's ticket it trained on");

            trainedThen.forEach(r -> labelled.add(((Number) r[0]).longValue()));
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    update tickets set split = 'test', intent_id = (select intent_id from tickets where split = 'test'
                        and intent_id is not null order by id limit 1) where id = any(cast(?1 as bigint[]))""")
                    .setParameter(1, labelled.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"))).executeUpdate());
            JsonPath second = AlignmentRoundTest.runRound(admin, SETTINGS);
            assertEquals(1, second.getInt("metrics.'reward/warm_started'"), second.prettify());
            Object seen = second.get("metrics.'" + AlignmentEngine.SEEN_INTENT_TICKETS + "'");
            assertTrue(seen instanceof Number n && n.intValue() >= 3, "left out as learned from: " + seen);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where batch = ?1")
                    .setParameter(1, BATCH).executeUpdate());
            if (!labelled.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update tickets set split = null, intent_id = null where id = any(cast(?1 as bigint[]))")
                        .setParameter(1, labelled.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"))).executeUpdate());
            }
            if (ActiveModel.await() != base) {
                admin.request().contentType("application/json").post("/api/v1/models/" + base + "/rollback").then().statusCode(200);
            }
            ActiveModel.await();
        }
    }

    private static String lookAlike(String text) {
        return "  " + Capitals.of(text).replace(" ", " \t ") + " ";
    }

    private static String hash(Object[] row) {
        return Hashing.sha256Hex((String) row[1]);
    }
}
