package dev.loopwise.alignment;

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
            round.step = step;
            round.progress = progress;
            round.heartbeatAt = OffsetDateTime.now();
            round.log.add(stamp(step));
        });
    }

    /** Ends a round that stopped with an error; a round that already ended (or was reclaimed) keeps its outcome. */
    static void fail(long roundId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            AlignmentRound round = AlignmentRound.findById(roundId, LockModeType.PESSIMISTIC_WRITE);
            if (round == null || round.finished()) {
                return;
            }
            round.status = AlignmentRound.FAILED;
            round.reason = reason;
            round.progress = 1;
            round.step = "Failed";
            round.finishedAt = OffsetDateTime.now();
            round.log.add(stamp("Failed: " + reason));
        });
    }

    static String stamp(String line) {
        return OffsetDateTime.now(ZoneOffset.UTC).format(CLOCK) + "  " + line;
    }
}
