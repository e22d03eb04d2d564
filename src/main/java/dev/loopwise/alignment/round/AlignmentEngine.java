package dev.loopwise.alignment.round;

import dev.loopwise.alignment.policy.PolicyMetrics;
import dev.loopwise.alignment.policy.PolicyUpdate;
import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.alignment.reward.HeldOutPreferences;
import dev.loopwise.alignment.reward.RewardEvaluation;
import dev.loopwise.alignment.reward.RewardModel;
import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.policy.ReplyPolicy;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.model.training.TrainingMonitor;
import dev.loopwise.ticket.HeldOutRows;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One alignment round as a function of its data: split the comparisons by ticket, train the reward
 * model, update the policy, compare candidate and active on held-out comparisons, check the gates.
 * The same data, settings and seed give the same result.
 */
public final class AlignmentEngine {
    public interface Listener {
        void step(String message, double progress);

        /** Polled between the long steps' inner steps; true stops the round. */
        default boolean cancelled() {
            return false;
        }
    }

    /** Comparisons on the training side left out because both sides were the same reply, case and spacing aside. */
    static final String SAME_REPLY_PAIRS = "reward/same_reply_pairs";

    /** Held-out (ticket, reply pair)s left out of the measures because their reviewers' answers weighed the same. */
    static final String SPLIT_PAIRS = "reward/test_split_pairs";

    /** Held-out labelled tickets left out of the reply-intent check: the round trained on reviewers' judgements of them. */
    static final String SEEN_INTENT_TICKETS = "eval/reply_intent_seen_tickets";

    /** Held-out judgements left out of the measures: their ticket is in the words of one the round trained on. */
    static final String SEEN_TEST_PAIRS = "reward/test_seen_pairs";

    private AlignmentEngine() {
    }

    public static RoundResult run(RoundSettings settings, RoundData data, Function<List<String>, float[][]> embed, Listener listener) {
        return run(settings, data, embed, null, listener);
    }

    /** @param cross where the cross-encoder reward model may be tuned from; null: the vector model only */
    public static RoundResult run(RoundSettings settings, RoundData data, Function<List<String>, float[][]> embed,
                                  RoundReward.CrossSource cross, Listener listener) {
        Map<String, Long> millis = new LinkedHashMap<>();
        Map<String, Object> metrics = new LinkedHashMap<>();
        long t = System.nanoTime();
        List<PreferencePair> train = new ArrayList<>();
        List<PreferencePair> heldOut = new ArrayList<>();
        for (PreferencePair pair : data.pairs()) {
            (isHeldOut(pair.group(), settings) ? heldOut : train).add(pair);
        }
        if (train.isEmpty() || heldOut.isEmpty()) {
            int tickets = (int) data.pairs().stream().map(PreferencePair::group).distinct().count();
            throw new IllegalArgumentException(LifecycleMessages.roundSplitOneSided(data.pairs().size(), tickets, settings.heldOutShare(),
                    heldOut.isEmpty()));
        }
        // A reply set against itself moves both rewards together: it adds no gradient, only dilutes the mean loss, so
        // training leaves it out and the count reported is what was trained on. Checked before anything is encoded:
        // training on none would end only in DJL's "Gradient values are all zeros".
        List<PreferencePair> teaching = train.stream().filter(PreferencePair::teaches).toList();
        if (teaching.isEmpty()) {
            throw new IllegalArgumentException(LifecycleMessages.roundLearnsNothing(train.size()));
        }
        int alike = train.size() - teaching.size();
        train = teaching;
        // Measured alike: a reply against itself has no right answer, and scored it would count as a coin's half-right.
        heldOut = heldOut.stream().filter(PreferencePair::teaches).toList();
        // The split goes by a ticket's exact text: a twin of a trained ticket, case and spacing aside, is no unseen ticket.
        Trained trained = Trained.of(train);
        List<PreferencePair> unseen = heldOut.stream().filter(p -> !trained.texts().contains(HeldOutRows.key(p.prompt()))).toList();
        int seen = heldOut.size() - unseen.size();
        heldOut = unseen;
        listener.step("Reading the tickets and replies", 0.05);
        RoundFeatures features = new RoundFeatures(embed, data);
        RewardModel warm = data.warmReward() == null ? null : new RewardModel(data.warmReward());
        // A reward model continued from the base version's learned from the rounds along its line too: a held-out ticket in
        // the words of one it learned there would flatter it as one of this round's would. The served vector model always
        // continues, so this holds whichever reward model the round then chooses.
        if (RewardTrainer.canContinue(settings.reward(), features.width(), warm)) {
            unseen = heldOut.stream().filter(p -> !data.warmTaughtTexts().contains(HeldOutRows.key(p.prompt()))).toList();
            seen += heldOut.size() - unseen.size();
            heldOut = unseen;
        }
        if (seen > 0) {
            metrics.put(SEEN_TEST_PAIRS, seen);
        }
        metrics.put("reward/train_pairs", train.size());
        if (alike > 0) {
            metrics.put(SAME_REPLY_PAIRS, alike);
        }
        metrics.put("reward/test_pairs", heldOut.size());
        millis.put("encode", elapsed(t));

        t = System.nanoTime();
        listener.step("Learning what reviewers prefer from " + train.size() + " of their comparisons", 0.2);
        try (RoundReward reward = RoundReward.train(settings, train, features, cross, warm, listener, metrics)) {
            millis.put("reward", elapsed(t));
            return update(settings, data, features, reward, train, heldOut, metrics, millis, listener);
        }
    }

    private static RoundResult update(RoundSettings settings, RoundData data, RoundFeatures features, RoundReward reward,
                                      List<PreferencePair> train, List<PreferencePair> heldOut, Map<String, Object> metrics,
                                      Map<String, Long> millis, Listener listener) {
        // Measured once per (ticket, reply pair), however many reviewers judged it: repeat judgements are no new evidence.
        HeldOutPreferences.Measured measured = HeldOutPreferences.measure(heldOut, judged -> reward.deltas(judged, features));
        HeldOutPreferences.Units units = measured.units();
        RewardEvaluation evaluation = measured.reward();
        metrics.put("reward/train_loss", reward.vector.finalLoss());
        metrics.put("reward/test_preferences", units.preferences().size());
        metrics.put("reward/test_tickets", units.tickets());
        if (units.split() > 0) {
            metrics.put(SPLIT_PAIRS, units.split());
        }
        metrics.put("reward/accuracy", evaluation.accuracy());
        // With a cross-encoder the version still keeps the vector model to score what it serves: measured the same way.
        RewardEvaluation served = reward.kind.equals("cross") ? HeldOutPreferences.measure(heldOut,
                judged -> RewardEvaluation.deltas(reward.vector.model(), features.comparisons(judged))).reward() : null;
        if (served != null) {
            metrics.put("reward/served_accuracy", served.accuracy());
        }
        metrics.put("reward/margin", evaluation.meanMargin());
        metrics.put("reward/calibration_error", evaluation.calibrationError());

        long t = System.nanoTime();
        listener.step("Choosing better replies for " + data.tickets().size() + " tickets", 0.45);
        PolicyUpdate.Tickets tickets = features.tickets();
        float[][] replies = features.replies();
        float[][] referenceLogits = PolicyUpdate.logits(data.reference(), tickets, replies);
        float[][] normalisedReward = reward.normalisedReward(features.allTickets(), tickets,
                data.replies().stream().map(WorkspaceSnapshot.ReplyInfo::text).toList(), replies, referenceLogits);
        float[][] optimal = PolicyUpdate.optimalTargets(referenceLogits, normalisedReward, settings.beta());
        // Thousands of epochs take minutes: a cancel is heard between batches, not only once the step ends.
        TrainingMonitor cancellable = TrainingMonitor.of(p -> { }, listener::cancelled);
        ReplyPolicy updated = settings.method().equals(RoundSettings.DPO)
                ? PolicyUpdate.dpo(data.reference(), features.libraryPairs(train), tickets, replies, settings.beta(),
                        settings.policyEpochs(), settings.seed(), cancellable)
                : PolicyUpdate.rewardWeighted(data.reference(), optimal, tickets, replies, settings.policyEpochs(), settings.seed(),
                        cancellable);
        ModelBundle candidate = new ModelBundle(data.active().encoderId(), data.active().intent(), updated,
                reward.vector.model().scorer());
        millis.put("policy", elapsed(t));

        t = System.nanoTime();
        listener.step("Comparing the new version with the active one on judgements it did not learn from", 0.8);
        float[][] updatedLogits = PolicyUpdate.logits(updated, tickets, replies);
        float[][] activeLogits = PolicyUpdate.logits(data.active().policy(), tickets, replies);
        PolicyMetrics.putAll(metrics, referenceLogits, updatedLogits, activeLogits, normalisedReward);
        List<PolicyUpdate.LibraryPair> testPairs = features.libraryPairs(units.preferences());
        GateStatistics.Paired preferences = GateStatistics.Paired.of(PolicyMetrics.agrees(updatedLogits, testPairs),
                PolicyMetrics.agrees(activeLogits, testPairs));
        int preferenceTickets = (int) testPairs.stream().mapToInt(PolicyUpdate.LibraryPair::ticket).distinct().count();
        metrics.put("eval/preference_pairs", testPairs.size());
        metrics.put("eval/preference_tickets", preferenceTickets);
        metrics.put("eval/candidate_preference_agreement", testPairs.isEmpty() ? null : preferences.first());
        metrics.put("eval/active_preference_agreement", testPairs.isEmpty() ? null : preferences.second());
        // A reward model continued from the base version's carries what earlier rounds taught it about these tickets too,
        // and the policy with it when it learned from that model's rewards: a DPO policy learns from this round's
        // comparisons alone, and a chosen cross-encoder, whose rewards it then learns from, was tuned on those alone.
        boolean continued = Integer.valueOf(1).equals(metrics.get("reward/warm_started"))
                && !settings.method().equals(RoundSettings.DPO) && "vector".equals(metrics.get("reward/model"));
        ReplyIntentCheck.Unseen intentTest = ReplyIntentCheck.unseen(data.intentTest(), Trained.of(train),
                continued ? data.warmTaught() : Set.of());
        if (intentTest.seen() > 0) {
            metrics.put(SEEN_INTENT_TICKETS, intentTest.seen());
        }
        ReplyIntentCheck.Measured fits = ReplyIntentCheck.measure(features, data, intentTest.tickets(), updated);
        GateStatistics.Paired replyIntent = fits.paired();
        if (replyIntent.n() > 0) {
            metrics.put(ReplyIntentCheck.PER_INTENT, fits.perIntent());
            metrics.put("eval/reply_intent_tickets", replyIntent.n());
            metrics.put("eval/candidate_reply_intent", replyIntent.first());
            metrics.put("eval/active_reply_intent", replyIntent.second());
        }
        millis.put("evaluate", elapsed(t));
        millis.forEach((step, ms) -> metrics.put("time/" + step + "_s", ms / 1000.0));

        List<RoundResult.Gate> gates = Gates.check(settings, new Gates.Evidence(evaluation, preferences, replyIntent,
                (Double) metrics.get("policy/kl"), data.pairs().size(), units.tickets(), preferenceTickets, served));
        return new RoundResult(candidate, metrics, gates, millis);
    }

    /** What the round's training comparisons are about: their tickets' groups, and their texts as rows are compared. */
    record Trained(Set<String> groups, Set<String> texts) {
        static Trained of(List<PreferencePair> trainedOn) {
            Set<String> groups = new HashSet<>();
            Set<String> texts = new HashSet<>();
            trainedOn.forEach(p -> {
                groups.add(p.group());
                texts.add(HeldOutRows.key(p.prompt()));
            });
            return new Trained(groups, texts);
        }
    }

    /** A stable, seeded one-in-n choice of the tickets whose judgements are held out. */
    public static boolean isHeldOut(String group, RoundSettings settings) {
        String hash = Hashing.sha256Hex(settings.seed() + ":" + group);
        return Long.parseLong(hash.substring(0, 8), 16) / (double) 0xffffffffL < settings.heldOutShare();
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
