package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.AtOnce;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two admins deciding rewrites at the same moment: each decision sees the one before it. */
@QuarkusTest
class RewriteDecisionRaceTest {
    @Inject
    ReviewAdminService admin;
    private final String tag = "rewrites" + UUID.randomUUID().toString().substring(0, 8);
    private final ScratchRewrites scratch = new ScratchRewrites(tag);

    @AfterEach
    void cleanUp() {
        scratch.deleteAll();
    }

    @Test
    void aRewriteAcceptedAndDiscardedAtOnceIsDecidedOnceAndTheOtherIsToldItIsNoLongerPending() throws Exception {
        for (int round = 0; round < 10; round++) {
            long id = scratch.pending(scratch.intent("decided_" + round), "We refund within 5 days, round " + round + ".");
            List<String> said = AtOnce.run(List.of(() -> outcome(() -> admin.decideRewrite(id, true, null)),
                    () -> outcome(() -> admin.decideRewrite(id, false, null))));
            assertEquals(1, said.stream().filter("done"::equals).count(), "round " + round + ": " + said);
            assertEquals(1, said.stream().filter("not_found"::equals).count(), "round " + round + ": " + said);
            String status = QuarkusTransaction.requiringNew().call(() -> Reply.<Reply>findById(id).status);
            assertEquals(said.get(0).equals("done") ? Reply.ACTIVE : Reply.RETIRED, status, "round " + round + ": " + said);
        }
    }

    @Test
    void twoRewritesWithTheSameWordsAcceptedAtOnceAddOneReply() throws Exception {
        for (int round = 0; round < 6; round++) {
            Intent intent = scratch.intent("twice_" + round);
            String text = "Your parcel left our warehouse, round " + round + ".";
            long first = scratch.pending(intent, text);
            long second = scratch.pending(intent, text);
            List<String> said = AtOnce.run(List.of(() -> outcome(() -> admin.decideRewrite(first, true, null)),
                    () -> outcome(() -> admin.decideRewrite(second, true, null))));
            assertEquals(1, said.stream().filter("done"::equals).count(), "round " + round + ": " + said);
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Reply.count("intent = ?1 and status = ?2", intent, Reply.ACTIVE)));
        }
    }

    @Test
    void twoRewritesWithTheSameWordsAcceptedAtOnceUnderTwoIntentsAddOneReply() throws Exception {
        for (int round = 0; round < 8; round++) {
            String text = "We have passed your question to our billing team, round " + round + ".";
            long first = scratch.pending(scratch.intent("billing_" + round), text);
            long second = scratch.pending(scratch.intent("payments_" + round), text);
            List<String> said = AtOnce.run(List.of(() -> outcome(() -> admin.decideRewrite(first, true, null)),
                    () -> outcome(() -> admin.decideRewrite(second, true, null))));
            assertEquals(List.of("done", "reply_exists"), said.stream().sorted().toList(), "round " + round + ": " + said);
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Reply.count("text = ?1 and status = ?2", text, Reply.ACTIVE)));
        }
    }

    private interface Work {
        void run();
    }

    private static String outcome(Work work) {
        try {
            work.run();
            return "done";
        } catch (ApiException e) {
            return e.code;
        } catch (RuntimeException e) {
            return "failed: " + e;
        }
    }
}
