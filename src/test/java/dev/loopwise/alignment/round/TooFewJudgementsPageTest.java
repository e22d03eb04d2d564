package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.LifecycleMessages;
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
        String three = LifecycleMessages.roundWaitsForJudgements(3, 0, RoundService.MIN_COMPARISONS);
        assertTrue(three.contains("judged 3 pairs of replies so far") && three.contains("so 7 more") && three.contains("review page (/review)"), three);
        String imported = LifecycleMessages.roundWaitsForJudgements(1, 4, 10);
        assertTrue(imported.contains("judged 1 pair of replies") && imported.contains("4 preference pairs came from a file")
                && imported.contains("so 5 more"), imported);
        assertTrue(LifecycleMessages.roundWaitsForJudgements(0, 0, 10).contains("judged no replies so far"), "none yet");
    }
}
