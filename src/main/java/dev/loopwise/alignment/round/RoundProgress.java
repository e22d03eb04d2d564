package dev.loopwise.alignment.round;

import dev.loopwise.common.db.DatabaseClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A running round's writes: progress, log, failure. Each locks the round's row and checks it is still running,
 * so a round another instance reclaimed (its heartbeat went stale) never comes back to life.
 */
final class RoundProgress {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The round stopped being this worker's: reclaimed by another instance after a stale heartbeat. */
    static final class Reclaimed extends RuntimeException {
        Reclaimed(long roundId) {
            super("Alignment round " + roundId + " is no longer running here: it was reclaimed after a stale heartbeat");
        }
    }

    /** An admin cancelled the round; it ends "cancelled" at the step that saw it. */
    static final class Cancelled extends RuntimeException {
        Cancelled(long roundId) {
            super("Alignment round " + roundId + " was cancelled", null, false, false);
        }
    }

    private RoundProgress() {
    }

    /** The round, locked for this transaction; {@link Reclaimed} when it is not running any more. */
    static AlignmentRound running(long roundId) {
        AlignmentRound round = AlignmentRound.findById(roundId, LockModeType.PESSIMISTIC_WRITE);
        if (!round.status.equals(AlignmentRound.RUNNING)) {
            throw new Reclaimed(roundId);
        }
        return round;
    }

    static void update(long roundId, String step, double progress) {
        QuarkusTransaction.requiringNew().run(() -> {
            AlignmentRound round = running(roundId);
            if (round.cancelRequested) {
                throw new Cancelled(roundId);
            }
            round.step = step;
            round.progress = progress;
            round.heartbeatAt = DatabaseClock.now();
            round.log.add(stamp(step));
        });
    }

    /** Whether an admin asked the round to stop (read between the cross-encoder's steps). */
    static boolean cancelRequested(long roundId) {
        return QuarkusTransaction.requiringNew().call(() -> AlignmentRound.<AlignmentRound>findById(roundId).cancelRequested);
    }

    /**
     * Asks a round to stop: a queued one ends now, a running one at its next step. False when it has ended.
     *
     * @param record runs in the cancelling transaction (the audit entry commits with the cancel)
     */
    static boolean cancel(long roundId, Runnable record) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound round = AlignmentRound.findById(roundId, LockModeType.PESSIMISTIC_WRITE);
            if (round == null || round.finished()) {
                return false;
            }
            if (round.status.equals(AlignmentRound.QUEUED)) {
                String reason = "Cancelled before it started; nothing changed for customers.";
                end(round, AlignmentRound.CANCELLED, reason, reason);
            } else {
                round.cancelRequested = true;
                round.log.add(stamp("Cancel asked for: the round stops at its next step"));
            }
            record.run();
            return true;
        });
    }

    /** Ends a round whose work saw a cancel request; one that already ended keeps its outcome. */
    static void cancelled(long roundId) {
        QuarkusTransaction.requiringNew().run(() -> {
            AlignmentRound round = AlignmentRound.findById(roundId, LockModeType.PESSIMISTIC_WRITE);
            if (round != null && !round.finished()) {
                end(round, AlignmentRound.CANCELLED, "Cancelled; nothing changed for customers.", "Cancelled");
            }
        });
    }

    private static void end(AlignmentRound round, String status, String reason, String logLine) {
        round.status = status;
        round.reason = reason;
        // A cancelled round's bar stays where it stopped: a full bar would read as work completed.
        round.progress = status.equals(AlignmentRound.CANCELLED) ? round.progress : 1;
        round.step = status.equals(AlignmentRound.CANCELLED) ? "Cancelled" : "Failed";
        round.finishedAt = OffsetDateTime.now();
        round.log.add(stamp(logLine));
    }

    /** Ends a round that stopped with an error; a round that already ended (or was reclaimed) keeps its outcome. */
    static void fail(long roundId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            AlignmentRound round = AlignmentRound.findById(roundId, LockModeType.PESSIMISTIC_WRITE);
            if (round == null || round.finished()) {
                return;
            }
            end(round, AlignmentRound.FAILED, reason, "Failed: " + reason);
        });
    }

    static String stamp(String line) {
        return OffsetDateTime.now(ZoneOffset.UTC).format(CLOCK) + "  " + line;
    }
}
