package dev.loopwise.alignment.round;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Round rows without their job, for pages watched while a test moves the round along by hand: nothing else moves them,
 * so what the page shows follows the test alone.
 */
final class RoundRows {
    private RoundRows() {
    }

    /** A queued round of {@code method}; {@code settings} as the round form would describe them, or null for the entity's own. */
    static long queued(String method, Map<String, Object> settings) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound r = new AlignmentRound();
            r.method = method;
            if (settings != null) {
                r.settings = settings;
            }
            r.status = AlignmentRound.QUEUED;
            r.startedBy = "admin";
            r.persist();
            return r.id;
        });
    }

    /** The round runs on {@code baseVersion}, half done, as a round's job reports it. */
    static void run(long id, int baseVersion) {
        QuarkusTransaction.requiringNew().run(() -> {
            AlignmentRound r = AlignmentRound.findById(id);
            r.status = AlignmentRound.RUNNING;
            r.startedAt = OffsetDateTime.now();
            r.heartbeatAt = OffsetDateTime.now();
            r.baseVersion = baseVersion;
            r.step = "Choosing better replies for 10 tickets";
            r.progress = 0.5;
        });
    }

    /** Ends the round if it has not ended, then removes it, so later tests never find it waiting or running. */
    static void remove(long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            AlignmentRound r = AlignmentRound.findById(id);
            if (r.finishedAt == null) {
                r.status = AlignmentRound.CANCELLED;
                r.finishedAt = OffsetDateTime.now();
            }
        });
        QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(id));
    }
}
