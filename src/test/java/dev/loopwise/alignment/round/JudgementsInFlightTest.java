package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.ReviewItems;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.review.item.ReviewView;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A judgement's id is drawn when it is inserted and becomes visible when its transaction commits, a little later: a round
 * that fixed the newest judgement it reads while an older id was still in flight would leave that judgement out of every
 * round's new ones. A round waits for the judgements being written, and a judgement being written waits for such a round.
 */
@QuarkusTest
class JudgementsInFlightTest {
    @Inject
    EntityManager em;
    @Inject
    UserService users;
    @Inject
    ReviewService review;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRoundReadsAJudgementCommittedAfterANewerOne() throws Exception {
        ActiveModel.await();
        String run = UUID.randomUUID().toString().substring(0, 6);
        User slowReviewer = ScratchAccounts.user(users.create("slow" + run, "long-enough-pw", "reviewer", null));
        User fastReviewer = ScratchAccounts.user(users.create("fast" + run, "long-enough-pw", "reviewer", null));
        // Two items of this test's own: earlier tests may have left the queue empty.
        List<Long> mine = ReviewItems.fresh(em, 2, 1, ReviewItem.REGULAR);
        ReviewView fastItem = review.next(fastReviewer.id).orElseThrow();
        assertTrue(mine.contains(fastItem.itemId()), "one of this test's items: " + fastItem.itemId());
        // Another item than the submitted one: the insert's key lock on its item would hold up the submit's row lock.
        long slowItem = mine.get(0) == fastItem.itemId() ? mine.get(1) : mine.get(0);
        long[] slowId = {0};
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            // A write as the review service makes it, stopped between its insert and its commit.
            try (PreparedStatement lock = slow.prepareStatement("select pg_advisory_xact_lock_shared(" + Judgement.WRITE_LOCK + ")");
                 PreparedStatement insert = slow.prepareStatement("insert into judgements (item_id, reviewer_id, choice, swapped, "
                         + "duration_ms) values (?, ?, '1', false, 1000) returning id")) {
                lock.execute();
                insert.setLong(1, slowItem);
                insert.setLong(2, slowReviewer.id);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    slowId[0] = row.getLong(1);
                }
            }
            long fastId = review.submit(fastReviewer.id, fastReviewer.username, fastItem.itemId(),
                    new Submission("A", null, null, null, 3000)).judgementId();
            assertTrue(fastId > slowId[0], "the newer judgement committed first");
            CompletableFuture<RoundJudgements.Read> read = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew()
                    .call(() -> new RoundJudgements(em, Map.of()).read(slowId[0] - 1, new RoundScope(0, 1_000, 0), 1)));
            Thread.sleep(500);
            assertFalse(read.isDone(), "the round waits while a judgement is being written");
            slow.commit();
            RoundJudgements.Read first = read.get(30, TimeUnit.SECONDS);
            assertEquals(fastId, first.newUpto());
            assertEquals(2, first.newCount(), "both judgements are new to this round");
        } finally {
            // Written past the review service, it counts on no item: later tests check that no item has more than it needs.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from judgements where id = ?1")
                    .setParameter(1, slowId[0]).executeUpdate());
        }
    }

    @Test
    void aJudgementWaitsWhileARoundFixesItsNewestJudgement() throws Exception {
        ActiveModel.await();
        User reviewer = ScratchAccounts.user(users.create("waits" + UUID.randomUUID().toString().substring(0, 6), "long-enough-pw",
                "reviewer", null));
        long mine = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        ReviewView item = review.next(reviewer.id).orElseThrow();
        assertEquals(mine, item.itemId());
        try (Connection round = dataSource.getConnection()) {
            round.createStatement().execute("select pg_advisory_lock(" + Judgement.WRITE_LOCK + ")");
            CompletableFuture<Long> submitted = CompletableFuture.supplyAsync(() -> review.submit(reviewer.id, reviewer.username,
                    item.itemId(), new Submission("B", null, null, null, 3000)).judgementId());
            Thread.sleep(500);
            assertFalse(submitted.isDone(), "the judgement takes its id only once the round has read its boundary");
            round.createStatement().execute("select pg_advisory_unlock(" + Judgement.WRITE_LOCK + ")");
            assertTrue(submitted.get(30, TimeUnit.SECONDS) > 0);
        }
    }
}
