package dev.loopwise.alignment.round;

import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.review.judging.ReviewNextStep;
import io.quarkus.hibernate.orm.panache.Panache;
import java.util.Comparator;
import java.util.Optional;

/**
 * The "about N more judgements" of an undecided round, the one figure its page and Overview both give: the most that any
 * of its waiting checks asked for when it ended. It stays the round's own figure (only the next round measures afresh), so
 * the judgements given since it read its own are counted beside it rather than taken off it: a count worked out from them
 * would be a second estimate that the round's page does not show.
 *
 * @param firstEstimate the checks had too few judgements kept aside to extrapolate: the count buys a first estimate only
 */
public record RoundEstimate(int more, boolean firstEstimate, long givenSince) {

    /** The estimate of an undecided round whose checks asked for a number of judgements, with those given since counted. */
    public static Optional<RoundEstimate> of(AlignmentRound round) {
        return mostWanted(round).flatMap(gate -> of(round, givenSince(round, gate.moreJudgements())));
    }

    static Optional<RoundEstimate> of(AlignmentRound round, long givenSince) {
        return mostWanted(round).map(gate -> new RoundEstimate(gate.moreJudgements(), RoundFormats.firstEstimate(gate), givenSince));
    }

    /** The waiting check that asked for the most judgements, if any asked for a number. */
    static Optional<RoundResult.Gate> mostWanted(AlignmentRound round) {
        if (!AlignmentRound.NEEDS_EVIDENCE.equals(round.status)) {
            return Optional.empty();
        }
        return round.gates.stream().filter(g -> RoundResult.WAIT.equals(g.verdict()) && g.moreJudgements() != null)
                .max(Comparator.comparing(RoundResult.Gate::moreJudgements));
    }

    /** What Rounds says to do after an undecided round: the number its checks asked for where they gave one. */
    static String nextStepAfter(AlignmentRound round) {
        return of(round).map(e -> e.farOff() ? capitalised(LifecycleMessages.ROUND_VERSIONS_TOO_CLOSE) : capitalised(e.forRound(round.id))
                + (e.met() ? ": start another round." : ": have reviewers judge them, then start another round."))
                .orElse("Open it to read what its checks wait on, then start another round once that is in.");
    }

    private static String capitalised(String sentence) {
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** Beyond {@link Gates#FAR_MORE_JUDGEMENTS} no count is a plan a team can follow: the versions are about as good. */
    public boolean farOff() {
        return more > Gates.FAR_MORE_JUDGEMENTS;
    }

    /** "about 120 more judgements", as both pages say it. */
    public String count() {
        return LifecycleMessages.moreJudgements(more);
    }

    /** Reviewers have given at least as many judgements since the round read its own as it asked for. */
    public boolean met() {
        return givenSince >= more;
    }

    /** What the judgements given since add, "; 30 judgements given since it ended" (nothing while none were). */
    public String since(String roundName) {
        return LifecycleMessages.judgementsSince(givenSince, given(), roundName, met());
    }

    /** As Overview says it of round N: "about 120 more judgements would let round 4's checks decide (its estimate when it ended, …)". */
    public String forRound(long id) {
        return LifecycleMessages.roundEstimate(count(), firstEstimate, id, since("it"), ReviewNextStep.FIRST_ROUND_JUDGEMENTS);
    }

    /** "30 judgements"; once as many as the round asked for, "at least 120 judgements" (they are counted no further). */
    public String given() {
        return LifecycleMessages.judgementsGiven(givenSince, more, met());
    }

    /**
     * Judgements (skips aside) given after the round read its own: ids past its last new one, or, for a round that read
     * none, given after it started. Counted up to {@code enough} only: the pages need no more, and the count stays as cheap
     * on a long history as on a new one.
     */
    static long givenSince(AlignmentRound round, int enough) {
        String since = round.newUpto != null ? "id > ?1" : "created_at > ?1";
        Object after = round.newUpto != null ? round.newUpto : round.startedAt != null ? round.startedAt : round.createdAt;
        return ((Number) Panache.getEntityManager().createNativeQuery("select count(*) from (select 1 from judgements where choice <>"
                + " 'skip' and " + since + " limit ?2) given").setParameter(1, after).setParameter(2, enough).getSingleResult()).longValue();
    }
}
