package dev.loopwise.alignment.round;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to starting a round, or to approving one drift proposed: the round to follow. */
@Schema(name = "RoundStarted", description = "The round is queued; follow it at /api/v1/rounds/{roundId}")
public record RoundStarted(@Schema(description = "The round's id, for /api/v1/rounds/{roundId}") long roundId) {
}
