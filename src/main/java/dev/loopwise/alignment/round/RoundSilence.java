package dev.loopwise.alignment.round;

import dev.loopwise.alignment.AlignmentConfig;
import dev.loopwise.common.JobMessages;
import dev.loopwise.common.job.JobSilence;
import io.quarkus.arc.Arc;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A running round whose instance stopped sending heartbeats: it died (or lost the database), and the round only looks under
 * way until another instance fails it once the heartbeat is older than {@code LOOPWISE_ALIGNMENT_HEARTBEAT_STALENESS}.
 * Until then its step and bar would sit still, so its page, the API and the pages naming the round under way say when the
 * instance was last heard from and when the round will be marked failed.
 */
public record RoundSilence(OffsetDateTime lastHeard, OffsetDateTime failsAt) {
    /** Read in a transaction or request: the silence is judged on the database's clock. Empty while it beats, or is not running. */
    public static Optional<RoundSilence> of(AlignmentRound round) {
        return JobSilence.lastHeard(round).map(heard -> new RoundSilence(heard,
                heard.plus(Arc.container().instance(AlignmentConfig.class).get().heartbeatStaleness())));
    }

    /** The round's own page and API say it as the Models page says it of a training. */
    public String said() {
        return JobMessages.silentWhileServing(lastHeard, failsAt);
    }

    /** {@link #said()} of a round that may be running, or null. */
    static String saidOf(AlignmentRound round) {
        return of(round).map(RoundSilence::said).orElse(null);
    }
}
