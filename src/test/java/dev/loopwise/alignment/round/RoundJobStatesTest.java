package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A round's job against the real database: heartbeats, a shutdown, a cancel and an error thrown, on round rows written
 * straight into the table, which never end by themselves and are removed after each test.
 */
@QuarkusTest
class RoundJobStatesTest {
    @Inject
    RoundService rounds;
    @Inject
    EntityManager em;
    private final List<Long> made = new ArrayList<>();

    @AfterEach
    void removeRoundsWrittenHere() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from alignment_rounds where id = any(?1)")
                .setParameter(1, made.toArray(Long[]::new)).executeUpdate());
    }

    @Test
    void aRoundWithAStaleHeartbeatIsFailedAndAFreshOneIsNot() {
        awaitNoRoundRunning();
        long stale = runningRound("now() - interval '10 minutes'");
        rounds.reclaim();
        AlignmentRound reclaimed = round(stale);
        assertEquals(AlignmentRound.FAILED, reclaimed.status);
        assertTrue(reclaimed.reason.startsWith("Interrupted"), reclaimed.reason);

        long fresh = runningRound("now() - interval '5 seconds'"); // removed after the test, so it holds no slot
        rounds.reclaim();
        assertEquals(AlignmentRound.RUNNING, round(fresh).status);
    }

    @Test
    void aServiceShuttingDownFailsTheRoundItRunsAndNoOtherInstances() {
        awaitNoRoundRunning();
        long mine = queuedRound();
        assertTrue(rounds.jobs().claim(mine));
        rounds.stop(null);
        AlignmentRound stopped = round(mine);
        assertEquals(AlignmentRound.FAILED, stopped.status);
        assertEquals(RoundService.SHUT_DOWN, stopped.reason);
        rounds.jobs().released(mine);

        long elsewhere = runningRound("now()"); // another instance's round: not this one's to stop
        rounds.stop(null);
        assertEquals(AlignmentRound.RUNNING, round(elsewhere).status);
    }

    @Test
    void aCancelledRoundStopsAtItsNextStepAndAQueuedOneAtOnce() {
        awaitNoRoundRunning();
        long running = runningRound("now()");
        assertTrue(rounds.cancel(running, "test"));
        assertEquals(AlignmentRound.RUNNING, round(running).status, "a running round stops at its next step, not before");
        rounds.execute(running, () -> RoundProgress.update(running, "Training the reward model", 0.2));
        AlignmentRound cancelled = round(running);
        assertEquals(AlignmentRound.CANCELLED, cancelled.status);
        assertEquals("Cancelled; nothing changed for customers.", cancelled.reason);
        assertFalse(rounds.cancel(running, "test"), "an ended round has nothing to cancel");

        long queued = queuedRound();
        assertTrue(rounds.cancel(queued, "test"));
        assertEquals(AlignmentRound.CANCELLED, round(queued).status);
        assertFalse(rounds.jobs().claim(queued), "a cancelled round is never started");
    }

    @Test
    void anErrorThrownByARoundIsRecordedAsItsFailure() {
        awaitNoRoundRunning();
        long id = runningRound("now()");
        rounds.execute(id, () -> {
            throw new StackOverflowError();
        });
        AlignmentRound failed = round(id);
        assertEquals(AlignmentRound.FAILED, failed.status);
        assertEquals("An unexpected error stopped it (StackOverflowError); the service log has the details. The active version"
                + " was not changed.", failed.reason);
    }

    private long runningRound(String heartbeat) {
        long id = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "insert into alignment_rounds (method, settings, status, started_by, heartbeat_at) values ('dpo', '{}'::jsonb, 'running', "
                        + "'test', " + heartbeat + ") returning id").getSingleResult()).longValue());
        made.add(id);
        return id;
    }

    private long queuedRound() {
        long id = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "insert into alignment_rounds (method, settings, status, started_by) values ('dpo', '{}'::jsonb, 'queued', 'test') returning id")
                .getSingleResult()).longValue());
        made.add(id);
        return id;
    }

    private static AlignmentRound round(long id) {
        return QuarkusTransaction.requiringNew().call(() -> AlignmentRound.<AlignmentRound>findById(id));
    }

    /** No round runs or waits but those written here, which never end by themselves. */
    private void awaitNoRoundRunning() {
        RoundWaits.noRoundRunning(em, made);
    }
}
