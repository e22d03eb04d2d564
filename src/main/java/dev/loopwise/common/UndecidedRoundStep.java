package dev.loopwise.common;

import java.util.Optional;

/**
 * What the latest alignment round's page says to do next, while that round could not decide yet. Pages of the packages a
 * round reads from (Models, Review quality) give this sentence instead of their own rule of thumb, so that a lead is never
 * told "start a round" on one page and "collect about N more judgements" on the round's; the rounds package provides it.
 */
public interface UndecidedRoundStep {
    /** "Round 4 could not decide yet: " and its page's next step; empty when the latest round decided, or there is none. */
    Optional<String> sentence();
}
