package dev.loopwise.alignment.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.alignment.reward.HeldOutPreferences;
import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.alignment.round.AlignmentEngine;
import dev.loopwise.alignment.round.RoundData;
import dev.loopwise.alignment.round.RoundResult;
import dev.loopwise.alignment.round.RoundSettings;
import dev.loopwise.model.DemoData;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.ticket.TicketRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Held-out judgements reach the gates once per (ticket, reply pair): repeat judgements of one pair are one question asked
 * again, and their reliability-weighted majority is its answer.
 */
class HeldOutPreferencesTest {
    private static final String GOLD = "We refunded your order today.";
    private static final String OTHER = "Please wait for the parcel.";

    private static PreferencePair vote(String ticket, String chosen, String rejected, double weight, long id) {
        return new PreferencePair("text of " + ticket, chosen, rejected, PreferencePair.Kind.PREFERENCE, 0, weight, ticket, id);
    }

    private static PreferencePair neither(String ticket, PreferencePair.Kind kind, double weight, long id) {
        return new PreferencePair("text of " + ticket, OTHER, GOLD, kind, 0, weight, ticket, id);
    }

    @Test
    void aGoldTicketTenReviewersJudgedIsOnePreference() {
        List<PreferencePair> judgements = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            judgements.add(vote("gold", GOLD, OTHER, 0.5, 10 + i));
        }
        judgements.add(vote("gold", OTHER, GOLD, 0.5, 5));
        HeldOutPreferences.Units units = HeldOutPreferences.collapse(judgements);
        assertEquals(1, units.preferences().size(), units.toString());
        assertEquals(1, units.tickets());
        PreferencePair one = units.preferences().get(0);
        assertEquals(List.of(GOLD, OTHER, "gold"), List.of(one.first(), one.second(), one.group()));
        assertEquals(PreferencePair.Kind.PREFERENCE, one.kind());
        assertEquals(5, one.judgementId(), "named by its earliest judgement");
    }

    @Test
    void aLoneReviewerIsTheirOwnMajorityAndNoJudgementsAreNoPreferences() {
        PreferencePair alone = vote("t1", OTHER, GOLD, 0.3, 7);
        HeldOutPreferences.Units units = HeldOutPreferences.collapse(List.of(alone));
        assertEquals(List.of(OTHER, GOLD, "text of t1"), List.of(units.preferences().get(0).first(), units.preferences().get(0).second(),
                units.preferences().get(0).prompt()));
        assertEquals(1, units.tickets());
        HeldOutPreferences.Units none = HeldOutPreferences.collapse(List.of());
        assertEquals(List.of(0, 0, 0, 0), List.of(none.preferences().size(), none.tickets(), none.split(), none.noPreference()));
    }

    @Test
    void reviewersSplitEvenlyLeaveThePairOutAndReliabilityBreaksOtherTies() {
        // Two for each reply at the same weight: no answer. Shown either way round, a vote is for the reply's text.
        HeldOutPreferences.Units even = HeldOutPreferences.collapse(List.of(vote("t1", GOLD, OTHER, 0.6, 1), vote("t1", OTHER, GOLD, 0.6, 2),
                vote("t1", GOLD, OTHER, 0.2, 3), vote("t1", OTHER, GOLD, 0.2, 4)));
        assertEquals(List.of(0, 1, 0), List.of(even.preferences().size(), even.split(), even.tickets()));
        // Two of them, but one reviewer worth more than both: 0.9 against 0.3 + 0.3.
        HeldOutPreferences.Units weighted = HeldOutPreferences.collapse(List.of(vote("t1", GOLD, OTHER, 0.3, 1),
                vote("t1", GOLD, OTHER, 0.3, 2), vote("t1", OTHER, GOLD, 0.9, 3)));
        assertEquals(OTHER, weighted.preferences().get(0).first());
        // Sums that differ only by rounding weigh the same: 0.1 + 0.2 against 0.3.
        HeldOutPreferences.Units rounding = HeldOutPreferences.collapse(List.of(vote("t1", GOLD, OTHER, 0.1, 1),
                vote("t1", GOLD, OTHER, 0.2, 2), vote("t1", OTHER, GOLD, 0.3, 3)));
        assertEquals(1, rounding.split());
        // A preference against a tie of the same weight is split too; two ties against one preference say "neither".
        assertEquals(1, HeldOutPreferences.collapse(List.of(vote("t1", GOLD, OTHER, 0.5, 1),
                neither("t1", PreferencePair.Kind.TIE, 0.5, 2))).split());
        HeldOutPreferences.Units ties = HeldOutPreferences.collapse(List.of(vote("t1", GOLD, OTHER, 0.5, 1),
                neither("t1", PreferencePair.Kind.TIE, 0.5, 2), neither("t1", PreferencePair.Kind.BOTH_BAD, 0.5, 3)));
        assertEquals(List.of(0, 1, 0), List.of(ties.preferences().size(), ties.noPreference(), ties.split()));
    }

    @Test
    void theSamePairOnAnotherTicketAndAnotherPairOnTheSameTicketAreOtherUnits() {
        HeldOutPreferences.Units units = HeldOutPreferences.collapse(List.of(vote("t1", GOLD, OTHER, 0.5, 1), vote("t2", GOLD, OTHER, 0.5, 2),
                vote("t1", GOLD, "A third reply.", 0.5, 3), vote("t1", GOLD, OTHER, 0.5, 4)));
        assertEquals(3, units.preferences().size());
        assertEquals(2, units.tickets());
    }

    @Test
    void aRoundWhoseHeldOutJudgementsAreOneTicketJudgedManyTimesWaits() {
        RoundSettings settings = new RoundSettings(RoundSettings.REWARD_WEIGHTED, 0.5, 3, RewardTrainer.Config.defaults(3),
                RoundSettings.VECTOR_REWARD, 2, 0.2, 0.55, 0.02, 5.0);
        List<TicketRow> train = DemoData.ticketRows().train();
        Random random = new Random(5);
        List<WorkspaceSnapshot.ReplyInfo> library = ReplyVariants.library(train, 2, PreferenceKind.SIGN_OFF, random);
        ModelBundle reference = Simulator.sft(train, DemoData.ticketRows().test(), library, DemoData::embed, DemoData.encoder().id(), 3);
        List<PreferencePair> judgements = new ArrayList<>();
        TicketRow gold = null;
        for (TicketRow ticket : train) {
            List<String> own = library.stream().filter(r -> r.intent().equals(ticket.label())).map(WorkspaceSnapshot.ReplyInfo::text).toList();
            if (own.size() < 2) {
                continue;
            }
            if (!AlignmentEngine.isHeldOut(ticket.text(), settings)) {
                if (judgements.size() < 40) {
                    judgements.add(new PreferencePair(ticket.text(), own.get(0), own.get(1), PreferencePair.Kind.PREFERENCE, 0, 1,
                            ticket.text(), judgements.size()));
                }
            } else if (gold == null) {
                gold = ticket;
                // Ten reviewers on the one held-out ticket, nine of them for the same reply.
                for (int i = 0; i < 10; i++) {
                    judgements.add(new PreferencePair(ticket.text(), own.get(i < 9 ? 0 : 1), own.get(i < 9 ? 1 : 0),
                            PreferencePair.Kind.PREFERENCE, 0, 0.8, ticket.text(), 1000 + i));
                }
            }
        }
        List<String> tickets = judgements.stream().map(PreferencePair::prompt).distinct().toList();
        RoundResult result = AlignmentEngine.run(settings, new RoundData(reference, reference.policy(), judgements, tickets, library,
                List.of()), DemoData::embed, (message, progress) -> { });
        assertEquals(10, result.metrics().get("reward/test_pairs"), result.metrics().toString());
        assertEquals(1, result.metrics().get("reward/test_preferences"));
        assertEquals(1, result.metrics().get("reward/test_tickets"));
        assertEquals(1, result.metrics().get("eval/preference_pairs"));
        assertEquals(1, result.metrics().get("eval/preference_tickets"));
        for (RoundResult.Gate gate : result.gates()) {
            if (gate.name().equals("reward_accuracy") || gate.name().equals("preference_agreement")) {
                assertEquals(RoundResult.WAIT, gate.verdict(), gate.detail());
                assertTrue(gate.moreJudgements() != null && gate.detail().contains("more judgements"), gate.detail());
            }
        }
        assertEquals(RoundResult.WAIT, result.outcome(), result.gates().toString());
    }

    @Test
    void theDraftSimulatorsHeldOutAccuracyCountsAsTheGatesCount() {
        // A reward model that scores the gold reply 1 and every other reply 0.
        Function<List<PreferencePair>, double[]> goldFirst = pairs -> pairs.stream()
                .mapToDouble(p -> (p.first().equals(GOLD) ? 1 : 0) - (p.second().equals(GOLD) ? 1 : 0)).toArray();
        // One ticket, two reviewers for the gold reply and one against: one preference, ranked right. Per judgement it was 2/3.
        List<PreferencePair> one = List.of(vote("t1", GOLD, OTHER, 1, 1), vote("t1", GOLD, OTHER, 1, 2), vote("t1", OTHER, GOLD, 1, 3));
        assertEquals(1.0, DraftSimulator.heldOutAccuracy(one, goldFirst), 1e-12);
        // A second ticket whose three reviewers all preferred the other reply, which the model ranks wrong: 1 of 2 preferences
        // right, where per judgement it was 2 of 6.
        List<PreferencePair> two = new ArrayList<>(one);
        for (int i = 0; i < 3; i++) {
            two.add(vote("t2", OTHER, GOLD, 1, 10 + i));
        }
        assertEquals(0.5, DraftSimulator.heldOutAccuracy(two, goldFirst), 1e-12);
        // A reply judged against itself has no right answer: left out, as the gates leave it out, not a tie counted half right.
        List<PreferencePair> itself = List.of(vote("t1", GOLD, OTHER, 1, 1), vote("t3", OTHER, OTHER, 1, 2));
        assertEquals(1.0, DraftSimulator.heldOutAccuracy(itself, goldFirst), 1e-12);
        // No judgements, or only ties and "both bad": no preference to measure on.
        assertNull(DraftSimulator.heldOutAccuracy(List.of(), goldFirst));
        assertNull(DraftSimulator.heldOutAccuracy(List.of(neither("t1", PreferencePair.Kind.TIE, 1, 1),
                neither("t2", PreferencePair.Kind.BOTH_BAD, 1, 2)), goldFirst));
        // A model that scores every reply alike: 50% per preference, however many reviewers judged it.
        assertEquals(0.5, DraftSimulator.heldOutAccuracy(two, pairs -> new double[pairs.size()]), 1e-12);
    }
}
