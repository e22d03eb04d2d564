package dev.loopwise.alignment.round;

import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.RoundMessages;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for "the latest round" that Overview, Review quality and Models follow: a round under way (queued or running)
 * is shown as such, and beside it the figures of the latest round that ended after reading judgements, labelled as the latest
 * finished one. Each page picking its own had Overview give an undecided round's count while Review quality, seeing a round
 * running, gave none.
 *
 * @param estimate the finished round's "about N more judgements" while it could not decide yet
 * @param silence  the round under way's, while it runs and its instance has not been heard from
 */
public record LatestRounds(Optional<AlignmentRound> underWay, Optional<AlignmentRound> finished, Optional<RoundEstimate> estimate,
                           Optional<RoundSilence> silence) {
    /** Ends after which a round's figures stand: failed and cancelled rounds decided nothing, so they change no advice. */
    static final List<String> FINISHED = List.of(AlignmentRound.PROMOTED, AlignmentRound.REJECTED, AlignmentRound.NEEDS_EVIDENCE,
            AlignmentRound.SUPERSEDED);

    public static LatestRounds read() {
        Optional<AlignmentRound> underWay = AlignmentRound.<AlignmentRound>find("status in ?1 order by id desc",
                List.of(AlignmentRound.QUEUED, AlignmentRound.RUNNING)).firstResultOptional();
        Optional<AlignmentRound> finished = AlignmentRound.<AlignmentRound>find("status in ?1 order by id desc", FINISHED)
                .firstResultOptional();
        return new LatestRounds(underWay, finished, finished.flatMap(RoundEstimate::of), underWay.flatMap(RoundSilence::of));
    }

    /** The latest finished round could not decide yet. */
    public boolean undecided() {
        return finished.map(r -> AlignmentRound.NEEDS_EVIDENCE.equals(r.status)).orElse(false);
    }

    /** The undecided round's count, unless no realistic number of judgements would decide it (then no count is a plan). */
    public Optional<RoundEstimate> asked() {
        return estimate.filter(e -> !e.farOff());
    }

    /**
     * "Round 7 is running: follow it on Rounds. " before the finished round's words, or nothing when no round is under way. A
     * round whose instance went silent says so: "running" alone would hold until it is marked failed, minutes later.
     */
    public String underWaySentence() {
        return underWay.map(r -> silence.map(s -> RoundMessages.underWaySilent(r.id, s.lastHeard(), s.failsAt()))
                .orElseGet(() -> RoundMessages.underWay(r.id, AlignmentRound.RUNNING.equals(r.status))) + " ").orElse("");
    }

    /** The finished round as a sentence starts with it: "Round 6", or "The latest finished round, round 6," beside one under way. */
    public String finishedName() {
        return RoundMessages.finished(finished.orElseThrow().id, underWay.isPresent());
    }

    /** "round 6 asked for about 120 more judgements; 30 judgements given since it ended", labelled as {@link #finishedName()}. */
    public String askedFor(RoundEstimate estimate) {
        String name = finishedName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1) + " asked for " + estimate.count() + estimate.since("it");
    }

    /** What the latest finished round did, in one sentence and with no next step: beside a round under way, that round's end decides it. */
    public String outcome() {
        AlignmentRound round = finished.orElseThrow();
        String name = finishedName();
        return switch (round.status) {
            case AlignmentRound.PROMOTED -> RoundMessages.promoted(name, round.candidateVersion);
            // The round's reason is the checks' own text; its page explains them, the pages beside it only say what happened.
            case AlignmentRound.NEEDS_EVIDENCE -> LifecycleMessages.roundUndecided(name, estimate.map(e -> e.farOff()
                    ? LifecycleMessages.ROUND_VERSIONS_TOO_CLOSE : e.forRound(round.id) + ".").orElse(LifecycleMessages.ROUND_WAITS_ON_EVIDENCE));
            case AlignmentRound.SUPERSEDED -> RoundMessages.superseded(name);
            default -> RoundMessages.rejected(name);
        };
    }

    /**
     * What Review quality and Models say instead of their own rule of thumb: the round under way, and the undecided finished
     * round's own next step, as its page gives it; empty when no round is under way and the latest finished one decided.
     */
    public Optional<String> sentence(long waitingItems) {
        if (underWay.isEmpty()) {
            return finished.filter(r -> undecided())
                    .map(r -> LifecycleMessages.roundUndecided(finishedName(), RoundReport.nextStep(r, waitingItems, estimate)));
        }
        // "Judge more, then start another round" would cross the round under way: only the finished round's figure is said.
        return Optional.of((underWaySentence() + (undecided() ? outcome() : "")).trim());
    }
}
