package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopwise.common.AtOnce;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.WorkspaceService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A rewrite accepted while the intent it is filed under is merged into another: both happen, neither waits for ever. */
@QuarkusTest
class RewriteDuringMergeTest {
    @Inject
    ReviewAdminService admin;
    @Inject
    WorkspaceService workspace;
    @Inject
    AgroalDataSource dataSource;
    private final String tag = "merging" + UUID.randomUUID().toString().substring(0, 8);
    private final ScratchRewrites scratch = new ScratchRewrites(tag);

    @AfterEach
    void cleanUp() {
        scratch.deleteAll();
    }

    /**
     * The acceptance names the merge's target. Another edit holds the target's row shared for a moment, so the acceptance
     * waits for that row while the merge runs: one that had locked the rewrite first would hold what the merge must move.
     */
    @Test
    void aRewriteAcceptedIntoTheTargetOfAMergeInFlightIsMovedAndAccepted() throws Exception {
        Intent source = scratch.intent("source");
        Intent target = scratch.intent("target");
        long rewrite = scratch.pending(source, "We moved your order to express delivery.");
        CompletableFuture<String> accepted;
        CompletableFuture<String> merged;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("select id from intents where id = " + target.id + " for share");
                accepted = CompletableFuture.supplyAsync(() -> AtOnce.outcome(() -> {
                    admin.decideRewrite(rewrite, true, target.name);
                    return null;
                }));
                awaitBlockedBy(s, 1);
                merged = CompletableFuture.supplyAsync(() -> AtOnce.outcome(() -> workspace.removeIntent(source.name, target.name)));
                // The merge needs nothing the acceptance holds: it ends while the other edit still holds the row.
                assertEquals("done", merged.get(20, TimeUnit.SECONDS));
            }
            other.commit();
        }
        assertEquals("done", accepted.get(30, TimeUnit.SECONDS));
        Reply after = QuarkusTransaction.requiringNew().call(() -> {
            Reply r = Reply.findById(rewrite);
            r.intent.name.length();
            return r;
        });
        assertEquals(Reply.ACTIVE, after.status);
        assertEquals(target.id, after.intent.id);
    }

    /** Under the intent it was filed under: whichever goes first, the rewrite ends accepted under the merge's target. */
    @Test
    void aRewriteAcceptedUnderItsOwnIntentWhileThatIsMergedEndsUnderTheTarget() throws Exception {
        for (int round = 0; round < 8; round++) {
            Intent source = scratch.intent("own_" + round);
            Intent target = scratch.intent("into_" + round);
            long rewrite = scratch.pending(source, "Your refund is on its way, round " + round + ".");
            List<String> said = AtOnce.run(() -> AtOnce.outcome(() -> {
                admin.decideRewrite(rewrite, true, null);
                return null;
            }), () -> AtOnce.outcome(() -> workspace.removeIntent(source.name, target.name)));
            assertEquals(List.of("done", "done"), said, "round " + round);
            long under = QuarkusTransaction.requiringNew().call(() -> Reply.<Reply>findById(rewrite).intent.id);
            assertEquals(target.id, under, "round " + round);
            assertFalse(QuarkusTransaction.requiringNew().call(() -> Intent.findByIdOptional(source.id).isPresent()));
        }
    }

    /** Waits until {@code count} other sessions wait for a lock this statement's session holds. */
    private static void awaitBlockedBy(Statement holder, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (ResultSet row = holder.executeQuery(
                    "select count(*) from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))")) {
                row.next();
                if (row.getInt(1) >= count) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing waited for the held row");
    }
}
