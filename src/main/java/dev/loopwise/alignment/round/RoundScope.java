package dev.loopwise.alignment.round;

import dev.loopwise.alignment.AlignmentConfig;

/**
 * How much a round reads, so that its cost follows what it trains on rather than the length of the history.
 *
 * @param replaySample     older judgements replayed beside the new ones (sampled in the database)
 * @param maxNewJudgements most new judgements read, the newest first
 * @param policyTickets    tickets the policy is distilled on besides the judged ones
 */
public record RoundScope(int replaySample, int maxNewJudgements, int policyTickets) {
    static final int MAX_REPLAY = 200_000;

    public RoundScope {
        if (replaySample < 0 || replaySample > MAX_REPLAY) {
            throw new IllegalArgumentException("replaySample must be between 0 and " + MAX_REPLAY);
        }
        if (maxNewJudgements < 1 || policyTickets < 0) {
            throw new IllegalArgumentException("maxNewJudgements must be positive and policyTickets at least 0");
        }
    }

    /** The configured bounds, with the round's own replay size when its settings name one. */
    static RoundScope of(AlignmentConfig config, RoundSettings settings) {
        return new RoundScope(settings.replaySample() == null ? config.replaySample() : settings.replaySample(), config.maxNewJudgements(),
                config.policyTickets());
    }
}
