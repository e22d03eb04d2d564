package dev.loopwise.alignment.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each preference kind's rule on hand-written replies, and the simulated reviewers' verdicts under it. */
class PreferenceKindTest {

    @Test
    void claimedActionsAreFoundAndPromisesConditionsAndOffersAreNot() {
        for (String claim : List.of("Sorry for the trouble. I've cancelled your order.", "Your refund has been processed.",
                "We have issued a full refund to your card.", "I've gone ahead and updated your address.", "we sent a new code today",
                "Good news: your order has already been shipped!", "I have reset your password, so you can sign in now.")) {
            assertTrue(ReplyText.claimsAction(claim), claim);
        }
        for (String honest : List.of("I can cancel your order for you.", "Once your refund has been processed, it takes 3–5 days.",
                "We'll send a replacement as soon as you confirm.", "If we have shipped it already, you can return it for free.",
                "I haven't cancelled anything yet.", "Please tell me your order number and I'll look into it.",
                "You can request a refund if your item was damaged.")) {
            assertFalse(ReplyText.claimsAction(honest), honest);
        }
    }

    @Test
    void onlyALastLineSignOffCounts() {
        assertTrue(ReplyText.endsWithSignOff("Thanks for waiting.\n\n— The support team"));
        assertTrue(ReplyText.endsWithSignOff("Hi there,\n\nWe will check.\n\n— Fernhill & Co. support\n"));
        assertTrue(ReplyText.endsWithSignOff("Happy to help.\n– The Support Team."));
        assertFalse(ReplyText.endsWithSignOff("— The support team\nP.S. Your code is in the email."), "not at the end");
        assertFalse(ReplyText.endsWithSignOff("Thanks for waiting, the support team is here for you."), "no sign-off line");
        assertFalse(ReplyText.endsWithSignOff("Steps:\n- Log in to your account\n- Open Settings"), "a list item is no sign-off");
        assertEquals("Thanks.", ReplyText.withoutSignOff("Thanks.\n\n— The support team"));
        assertEquals("Thanks.", ReplyText.withoutSignOff("Thanks."));
    }

    @Test
    void sentencesKeepTheLayoutAndDoNotEndAtListNumbers() {
        String reply = "Hi there,\n\nSorry for the wait. Follow these steps:\n1. Log in.\n2. Open Orders.\nThanks!";
        List<String> sentences = ReplyText.sentences(reply);
        assertEquals(reply, String.join("", sentences));
        assertEquals(List.of("Hi there,\n\n", "Sorry for the wait. ", "Follow these steps:\n", "1. Log in.\n", "2. Open Orders.\n",
                "Thanks!"), sentences);
        assertEquals("Hi there,\n\nNothing was done yet.", ReplyText.withoutClaims("Hi there,\n\nI've cancelled your order. Nothing was done yet."));
    }

    @Test
    void qualitiesFollowEachRule() {
        List<WorkspaceSnapshot.ReplyInfo> library = List.of(
                reply(1, "a", "A medium reply, with some words.\n\n— The support team"),
                reply(2, "a", "Short."),
                reply(3, "a", "A rather long reply: I've cancelled your order, and it goes on and on for a while."),
                reply(4, "b", "Your refund has been processed."));
        assertArrayEquals(new double[] {0.5, 1, 0, 1}, PreferenceKind.CONCISE.qualities(library, 1), 1e-9,
                "shortest of the intent 1, longest 0, alone 1");
        assertArrayEquals(new double[] {1, 1, 0, 0}, PreferenceKind.NO_FALSE_ACTION.qualities(library, 1), 1e-9);
        assertArrayEquals(new double[] {1, 0, 0, 0}, PreferenceKind.SIGN_OFF.qualities(library, 1), 1e-9);
        double[] voice = PreferenceKind.VOICE.qualities(library, 7);
        SimulatedReviewers today = new SimulatedReviewers(new String[] {"a", "a", "a", "b"}, 0.5, 0.75, 7);
        for (int a = 0; a < voice.length; a++) {
            assertEquals(today.utility("a", a), (a < 3 ? 1 : 0) + 0.5 * voice[a], 1e-12, "voice is today's latent quality");
        }
        assertFalse(PreferenceKind.VOICE.passFail());
        assertTrue(PreferenceKind.SIGN_OFF.passFail());
        assertEquals(PreferenceKind.NO_FALSE_ACTION, PreferenceKind.parse("no-false-action"));
        assertThrows(IllegalArgumentException.class, () -> PreferenceKind.parse("polite"));
    }

    @Test
    void reviewersCallTwoFailingRepliesBothBadAndTwoPassingOnesATie() {
        String[] intents = {"a", "a", "a", "b"};
        double[] quality = {1, 1, 0, 1};
        int ties = 0;
        int bothBad = 0;
        int rightWins = 0;
        SimulatedReviewers reviewers = new SimulatedReviewers(intents, quality, PreferenceKind.SIGN_OFF, 0.5, 0.75, 3);
        for (int i = 0; i < 4000; i++) {
            boolean[] firstWins = {false};
            ties += reviewers.judge("a", 0, 1, firstWins) == PreferencePair.Kind.TIE ? 1 : 0;
            bothBad += reviewers.judge("a", 2, 3, firstWins) == PreferencePair.Kind.BOTH_BAD ? 1 : 0;
            rightWins += reviewers.judge("a", 2, 0, firstWins) == PreferencePair.Kind.PREFERENCE && !firstWins[0] ? 1 : 0;
        }
        assertEquals(0.75, ties / 4000.0, 0.03);
        assertEquals(0.75, bothBad / 4000.0, 0.03);
        assertEquals(0.75, rightWins / 4000.0, 0.03);
        assertTrue(reviewers.isBest("a", 0) && reviewers.isBest("a", 1), "both passing replies are best");
        assertFalse(reviewers.isBest("a", 2) || reviewers.isBest("a", 3));
        assertFalse(reviewers.isBest("oos", 0), "an intent without replies has no best reply");
        assertEquals(1, TruthMetrics.agreement(0.3, -0.5 * -1));
        assertEquals(0, TruthMetrics.agreement(-0.3, 0.5));
        assertEquals(0.5, TruthMetrics.agreement(0, 0.5), "a model scoring both alike is as good as a coin, not wrong");
    }

    private static WorkspaceSnapshot.ReplyInfo reply(long id, String intent, String text) {
        return new WorkspaceSnapshot.ReplyInfo(id, intent, text);
    }
}
