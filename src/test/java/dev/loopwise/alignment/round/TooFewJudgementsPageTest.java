package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.review.judging.ReviewNextStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A round refused for too few judgements is where every workspace begins: the rounds page says it as the next step (how
 * many there are, how many more, where reviewers judge), not as a red error, which stays for real mistakes (FormMistakesTest).
 * The shared test database has judgements enough to start rounds, so the refusal and its words are checked here.
 */
class TooFewJudgementsPageTest {
    @Test
    void tooFewJudgementsAreANextStepAndOtherRefusalsAreErrors() {
        assertTrue(RoundsPage.waitsForJudgements(ApiException.conflict(RoundService.TOO_FEW_JUDGEMENTS, "")));
        assertTrue(RoundsPage.waitsForJudgements(ApiException.conflict(RoundService.NO_JUDGEMENTS, "")));
        assertFalse(RoundsPage.waitsForJudgements(ApiException.badRequest("invalid_round", "")));
        assertFalse(RoundsPage.waitsForJudgements(ApiException.conflict("no_active_version", "")));
    }

    @Test
    void theNextStepCountsWhatThereIsAndWhatIsStillNeeded() {
        String three = LifecycleMessages.roundWaitsForJudgements(3, 0, RoundService.MIN_COMPARISONS, 100);
        assertTrue(three.contains("judged 3 pairs of replies so far") && three.contains(": 7 more before a round can start") && three.contains("review page (/review)"), three);
        String imported = LifecycleMessages.roundWaitsForJudgements(1, 4, 10, 100);
        assertTrue(imported.contains("judged 1 pair of replies") && imported.contains("4 preference pairs came from a file")
                && imported.contains(": 5 more before a round can start"), imported);
        assertTrue(LifecycleMessages.roundWaitsForJudgements(0, 0, 10, 100).contains("judged no replies so far"), "none yet");
    }

    /**
     * The advice before a start recommends about 100 judgements and the refusal after one names the 10 a round can start
     * from: both say both numbers in the same words, so neither reads as contradicting the other.
     */
    @Test
    void theAdviceBeforeAndTheRefusalAfterSayTheSameRule() {
        String rule = "A round can start from 10 judgements, as it keeps some aside to measure the new version on; about 100 usually give a result you can trust";
        String before = RoundFormats.listNextStep(List.of(), 4);
        String waiting = LifecycleMessages.roundWaitsForJudgements(4, 0, RoundService.MIN_COMPARISONS, ReviewNextStep.FIRST_ROUND_JUDGEMENTS);
        String refused = LifecycleMessages.roundNeedsMore(4, RoundService.MIN_COMPARISONS, ReviewNextStep.FIRST_ROUND_JUDGEMENTS);
        assertTrue(before.contains(rule) && before.contains("about 100 pairs"), before);
        assertTrue(waiting.contains(rule) && waiting.contains(": 6 more before a round can start"), waiting);
        assertTrue(refused.contains("can start from 10") && refused.contains("about 100 usually give a result you can trust"), refused);
        assertFalse(refused.contains("needs at least") || waiting.contains("needs at least"), refused + " / " + waiting);
        assertTrue(LifecycleMessages.ROUND_NEEDS_JUDGEMENTS.contains("can start from 10; about 100 usually give a result you can trust"),
                LifecycleMessages.ROUND_NEEDS_JUDGEMENTS);
    }
}
