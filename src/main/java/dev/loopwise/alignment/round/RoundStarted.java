package dev.loopwise.alignment.round;

import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to starting a round, or to approving one drift proposed: the round to follow. */
@Schema(name = "RoundStarted", description = "The round is queued; follow it at /api/v1/rounds/{roundId}")
public record RoundStarted(@Schema(description = "The round's id, for /api/v1/rounds/{roundId}") long roundId) {
    /** The round's address, which the answers that start or approve one give as their Location. */
    public static URI address(long roundId) {
        return URI.create("/api/v1/rounds/" + roundId);
    }
}
