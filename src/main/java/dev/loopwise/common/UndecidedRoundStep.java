package dev.loopwise.common;

import java.util.Optional;

/**
 * What the latest alignment rounds mean for the lead: a round under way, and the latest finished round's page's next step
 * while that round could not decide yet. Pages of the packages a round reads from (Models, Review quality) give this sentence
 * instead of their own rule of thumb, so that a lead is never told "start a round" on one page and "collect about N more
 * judgements" on the round's, nor "running" on one and an older round's count on another; the rounds package provides it.
 */
public interface UndecidedRoundStep {
    /**
     * "Round 4 could not decide yet: " and its page's next step, after "Round 5 is running: follow it on Rounds." while one is
     * under way; empty when none is and the latest finished round decided, or there is none.
     */
    Optional<String> sentence();
}
