package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.alignment.simulation.PreferenceKind;
import dev.loopwise.alignment.simulation.ReplyVariants;
import dev.loopwise.alignment.simulation.SimulatedReviewers;
import dev.loopwise.alignment.simulation.Simulator;
import dev.loopwise.model.DemoData;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.ticket.TicketRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rounds choose their reward model: the vector model below the cross-encoder's minimum of judgements under
 * {@code auto}, the cross-encoder when asked. A cross-encoder round reports the evidence of the choice (both
 * models' accuracy on a validation share of the training judgements), and its policy update moves towards what
 * the cross-encoder rewards: the candidate's expected reward under it beats the reference policy's.
 */
class CrossEncoderRoundTest {
    static List<TicketRow> train;
    static List<WorkspaceSnapshot.ReplyInfo> library;
    static ModelBundle reference;
    static List<PreferencePair> judgements;

    /** The demo store's replies with and without the sign-off; simulated reviewers who want it, agreeing 90%. */
    @BeforeAll
    static void data() {
        train = DemoData.ticketRows().train();
        Random random = new Random(5);
        library = ReplyVariants.library(train, 2, PreferenceKind.SIGN_OFF, random);
        reference = Simulator.sft(train, DemoData.ticketRows().test(), library, DemoData::embed, DemoData.encoder().id(), 5);
        SimulatedReviewers reviewers = new SimulatedReviewers(library.stream().map(WorkspaceSnapshot.ReplyInfo::intent).toArray(String[]::new),
                PreferenceKind.SIGN_OFF.qualities(library, 5), PreferenceKind.SIGN_OFF, 0.5, 0.9, 5);
        judgements = new ArrayList<>();
        while (judgements.size() < 240) {
            TicketRow ticket = train.get(random.nextInt(train.size()));
            int[] own = IntStream.range(0, library.size())
                    .filter(a -> library.get(a).intent().equals(ticket.label())).toArray();
            if (own.length < 2) {
                continue;
            }
            int a = own[random.nextInt(own.length)];
            int b = own[random.nextInt(own.length)];
            boolean[] firstWins = {false};
            PreferencePair.Kind kind = reviewers.judge(ticket.label(), a, b, firstWins);
            if (a == b || kind != PreferencePair.Kind.PREFERENCE) {
                continue;
            }
            int chosen = firstWins[0] ? a : b;
            judgements.add(new PreferencePair(ticket.text(), library.get(chosen).text(), library.get(chosen == a ? b : a).text(),
                    kind, 0, 1, ticket.text(), judgements.size()));
        }
    }

    private static RoundResult round(String rewardModel, int judged) {
        return round(RoundSettings.REWARD_WEIGHTED, rewardModel, judgements.subList(0, judged), new ArrayList<>());
    }

    private static RoundSettings settings(String method, String rewardModel) {
        return new RoundSettings(method, 0.5, 3, RewardTrainer.Config.defaults(3), rewardModel, 8, 0.2, 0.55, 0.02, 5.0);
    }

    private static RoundResult round(String method, String rewardModel, List<PreferencePair> pairs, List<String> steps) {
        RoundData data = new RoundData(reference, reference.policy(), pairs, train.stream().map(TicketRow::text).toList(), library, List.of());
        RoundReward.CrossSource cross = new RoundReward.CrossSource(DemoData.encoder().spec().tuningSource(), Duration.ofSeconds(30));
        return AlignmentEngine.run(settings(method, rewardModel), data, DemoData::embed, cross, (message, progress) -> steps.add(message));
    }

    /** Judgements kept aside for the gates, and training ones on {@code tickets} tickets none of which the validation draw takes. */
    private static List<PreferencePair> fewTickets(int tickets) {
        RoundSettings settings = settings(RoundSettings.DPO, RoundSettings.CROSS_REWARD);
        List<PreferencePair> pairs = new ArrayList<>(judgements.stream().filter(p -> AlignmentEngine.isHeldOut(p.group(), settings))
                .limit(12).toList());
        judgements.stream().filter(p -> !AlignmentEngine.isHeldOut(p.group(), settings) && !RewardValidationSplit.inValidation(RewardValidationSplit.validationKey(p), 3))
                .map(RewardValidationSplit::validationKey).distinct().limit(tickets).forEach(key -> judgements.stream()
                        .filter(p -> RewardValidationSplit.validationKey(p).equals(key)).forEach(pairs::add));
        return pairs;
    }

    @Test
    void aCrossEncoderAskedForIsTunedOnFewTicketsThoughTheValidationDrawTookNone() {
        List<PreferencePair> pairs = fewTickets(8);
        List<String> steps = new ArrayList<>();
        Map<String, Object> metrics = round(RoundSettings.DPO, RoundSettings.CROSS_REWARD, pairs, steps).metrics();
        assertEquals("cross", metrics.get("reward/model"), metrics.toString());
        assertNotNull(metrics.get("reward/cross_validation_accuracy"));
        assertFalse(metrics.containsKey(RoundReward.MODEL_NOTE));
    }

    @Test
    void withTrainingComparisonsOnOneTicketTheRoundSaysWhyTheVectorModelStoodIn() {
        List<String> steps = new ArrayList<>();
        Map<String, Object> metrics = round(RoundSettings.DPO, RoundSettings.CROSS_REWARD, fewTickets(1), steps).metrics();
        assertEquals("vector", metrics.get("reward/model"));
        String note = (String) metrics.get(RoundReward.MODEL_NOTE);
        assertTrue(note != null && note.startsWith("The cross-encoder was not tuned: the comparisons this round trains on are all"
                + " about one ticket"), String.valueOf(note));
        assertTrue(steps.contains(note), "the round's log says it: " + steps);
        AlignmentRound round = new AlignmentRound();
        round.baseVersion = 1;
        round.metrics = metrics;
        assertTrue(RoundFormats.material(round).endsWith(" " + note), "the round's page says it: " + RoundFormats.material(round));
    }

    @Test
    void autoKeepsTheVectorModelBelowTheMinimumOfJudgements() {
        RoundResult result = round(RoundSettings.AUTO_REWARD, CrossEncoderRewards.MIN_JUDGEMENTS - 1);
        assertEquals("vector", result.metrics().get("reward/model"));
        assertFalse(result.metrics().containsKey("reward/cross_validation_accuracy"), "no cross-encoder was tuned");
    }

    @Test
    void aCrossEncoderRoundReportsItsEvidenceAndMovesThePolicyTowardsItsReward() {
        RoundResult result = round(RoundSettings.CROSS_REWARD, judgements.size());
        Map<String, Object> metrics = result.metrics();
        System.out.println("cross-encoder round: " + metrics);
        assertEquals("cross", metrics.get("reward/model"));
        assertNotNull(metrics.get("reward/cross_validation_accuracy"));
        assertNotNull(metrics.get("reward/vector_validation_accuracy"));
        double updated = ((Number) metrics.get("policy/expected_reward")).doubleValue();
        double before = ((Number) metrics.get("policy/reference_expected_reward")).doubleValue();
        assertTrue(updated > before + 0.05, "expected standardised reward: reference " + before + ", candidate " + updated);
        assertTrue(((Number) metrics.get("reward/accuracy")).doubleValue() > 0.5,
                "the cross-encoder on held-out judgements: " + metrics.get("reward/accuracy"));
        // The vector model the version keeps to score what it serves is measured on the same held-out judgements, and the gate
        // on learning what reviewers prefer speaks of both.
        assertNotNull(metrics.get("reward/served_accuracy"), metrics.toString());
        RoundResult.Gate reward = result.gates().stream().filter(g -> g.name().equals("reward_accuracy")).findFirst().orElseThrow();
        assertTrue(reward.detail().contains("The vector model kept with the version to score replies and LLM drafts as it answers customers: On "),
                reward.detail());
    }
}
