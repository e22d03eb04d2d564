package dev.loopwise.alignment.round;

import dev.loopwise.alignment.policy.PolicyUpdate;
import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.alignment.reward.HeldOutPreferences;
import dev.loopwise.alignment.reward.RewardEvaluation;
import dev.loopwise.alignment.reward.RewardModel;
import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.training.TrainingMonitor;
import dev.loopwise.model.training.TrainingProgress;
import dev.loopwise.model.transformer.crossencoder.CrossEncoderReward;
import dev.loopwise.model.transformer.tuning.CrossEncoderRewardConfig;
import dev.loopwise.model.transformer.crossencoder.CrossEncoderRewardTrainer;
import dev.loopwise.model.transformer.EncoderSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The reward model a round uses. The vector model (reading frozen sentence vectors) is always trained: it is
 * cheap, it ranks review items in the candidate version, and it is the only choice with few judgements. With
 * enough judgements (or when asked) the cross-encoder, which reads ticket and reply together, is tuned too, and
 * it replaces the vector model in the round only where a validation share of the training judgements shows it
 * clearly more accurate ({@link CrossEncoderRewards#crossClearlyBetter}); the round's held-out judgements stay
 * untouched for the gates.
 */
public final class RoundReward implements AutoCloseable {
    /**
     * Library replies the cross-encoder scores per ticket: the reference policy's most likely ones. The others
     * keep the ticket's lowest scored reward, so the update never moves probability to a reply no reward model
     * has read; under π_ref they hold little mass anyway.
     */
    static final int CROSS_CANDIDATES = 4;
    /**
     * Tickets whose replies the cross-encoder scores (a fixed, text-hashed sample beyond this): each pair is a
     * full transformer pass of about a hundred tokens, so reading every ticket would make a round's cost grow
     * with history. The other tickets keep π_ref's distribution as their target, and the policy generalises
     * from the sampled ones through its shared weights.
     */
    static final int CROSS_TICKETS = 256;
    /** Metric: why the vector model stood in for the cross-encoder asked for, in words (absent when it did not). */
    static final String MODEL_NOTE = "reward/model_note";

    /** Where the cross-encoder is tuned from and how long it may take (null: by the number of judgements). */
    public record CrossSource(EncoderSource source, Duration budget) {
    }

    public final RewardTrainer.Result vector;
    final String kind;
    private final CrossEncoderReward.Scorer cross;

    private RoundReward(RewardTrainer.Result vector, String kind, CrossEncoderReward.Scorer cross) {
        this.vector = vector;
        this.kind = kind;
        this.cross = cross;
    }

    /**
     * @param warm the base version's reward model, which the vector model continues from when it has the same shape
     *             (null: trained afresh); {@code reward/warm_started} in the metrics says which happened
     */
    public static RoundReward train(RoundSettings settings, List<PreferencePair> train, RoundFeatures features,
                             CrossSource crossSource, RewardModel warm, AlignmentEngine.Listener listener, Map<String, Object> metrics) {
        RewardModel initial = RewardTrainer.canContinue(settings.reward(), features.width(), warm) ? warm : null;
        metrics.put("reward/warm_started", initial == null ? 0 : 1);
        // Asked for many epochs, the training takes minutes: a cancel is heard between batches.
        TrainingMonitor cancellable = TrainingMonitor.of(p -> { }, listener::cancelled);
        boolean tryCross = crossSource != null && switch (settings.rewardModel()) {
            case RoundSettings.CROSS_REWARD -> true;
            case RoundSettings.AUTO_REWARD -> train.size() >= CrossEncoderRewards.MIN_JUDGEMENTS;
            default -> false;
        };
        if (!tryCross) {
            metrics.put("reward/model", "vector");
            return new RoundReward(RewardTrainer.train(settings.reward(), features.comparisons(train), initial, cancellable), "vector", null);
        }
        List<PreferencePair> fit = new ArrayList<>();
        List<PreferencePair> validation = new ArrayList<>();
        RewardValidationSplit.split(train, settings.seed(), fit, validation);
        if (fit.isEmpty() || validation.isEmpty()) {
            // The cross-encoder learns on some tickets and checks itself on others: with one ticket it can do neither.
            String note = "The cross-encoder was not tuned: the comparisons this round trains on are all about one ticket, and it"
                    + " needs two, one to learn from and one to check itself on. The vector model is used instead; judgements on"
                    + " more tickets let the next round use the cross-encoder.";
            metrics.put("reward/model", "vector");
            metrics.put(MODEL_NOTE, note);
            listener.step(note, 0.22);
            return new RoundReward(RewardTrainer.train(settings.reward(), features.comparisons(train), initial, cancellable), "vector", null);
        }
        listener.step("Learning what reviewers prefer by reading the replies themselves, from " + fit.size() + " comparisons", 0.22);
        CrossEncoderRewardConfig config = CrossEncoderRewardConfig.defaults(settings.seed()).withTimeBudget(crossSource.budget());
        CrossEncoderRewardTrainer.Result tuned = CrossEncoderRewardTrainer.train(crossSource.source(), config,
                new CrossEncoderRewardTrainer.Data(CrossEncoderRewards.pairs(fit), CrossEncoderRewards.pairs(validation)),
                TrainingMonitor.of(p -> listener.step(readingStep(p), 0.22 + 0.18 * p.fraction()), listener::cancelled));
        CrossEncoderReward.Scorer scorer = tuned.model().open(crossSource.source());
        try {
            // Afresh: the base version's model may have trained on this validation share, which would flatter it.
            RewardTrainer.Result vectorOnFit = RewardTrainer.train(settings.reward(), features.comparisons(fit), cancellable);
            // One unit per (ticket, reply pair), as the gates count: ten reviewers of one gold item are one question, not ten.
            // A reply judged against itself teaches nothing, and is left out as the gates leave it out.
            List<PreferencePair> judged = HeldOutPreferences.collapse(validation.stream().filter(PreferencePair::teaches).toList()).preferences();
            RewardTrainer.Data validationData = features.comparisons(judged);
            double[] crossDeltas = deltas(scorer, judged);
            double[] vectorDeltas = RewardEvaluation.deltas(vectorOnFit.model(), validationData);
            int[] kinds = judged.stream().mapToInt(p -> p.kind().ordinal()).toArray();
            metrics.put("reward/cross_validation_accuracy", RewardEvaluation.of(crossDeltas, kinds).accuracy());
            metrics.put("reward/vector_validation_accuracy", RewardEvaluation.of(vectorDeltas, kinds).accuracy());
            metrics.put("reward/cross_training_s", tuned.metrics().get("time/total_s"));
            List<String> judgedTickets = judged.stream().map(HeldOutPreferences::ticket).toList();
            boolean useCross = settings.rewardModel().equals(RoundSettings.CROSS_REWARD)
                    || CrossEncoderRewards.crossClearlyBetter(crossDeltas, vectorDeltas, kinds, judgedTickets);
            RewardTrainer.Result vector = RewardTrainer.train(settings.reward(), features.comparisons(train), initial, cancellable);
            metrics.put("reward/model", useCross ? "cross" : "vector");
            if (!useCross) {
                scorer.close();
                return new RoundReward(vector, "vector", null);
            }
            return new RoundReward(vector, "cross", scorer);
        } catch (RuntimeException | Error e) {
            scorer.close();
            throw e;
        }
    }

    /** The chosen model's reward differences r(first) − r(second) on these comparisons. */
    public double[] deltas(List<PreferencePair> pairs, RoundFeatures features) {
        return cross != null ? deltas(cross, pairs) : RewardEvaluation.deltas(vector.model(), features.comparisons(pairs));
    }

    /**
     * The reward of every (ticket, library reply), standardised to mean 0 and deviation 1; with the
     * cross-encoder only the {@link #CROSS_CANDIDATES} replies π_ref ranks highest are read, on at most
     * {@link #CROSS_TICKETS} tickets.
     */
    float[][] normalisedReward(List<String> ticketTexts, PolicyUpdate.Tickets tickets, List<String> replyTexts, float[][] replies,
                               float[][] referenceLogits) {
        if (cross == null) {
            return PolicyUpdate.normalisedReward(vector.model(), tickets, replies);
        }
        int k = Math.min(CROSS_CANDIDATES, replyTexts.size());
        List<String> pairTickets = new ArrayList<>();
        List<String> pairReplies = new ArrayList<>();
        int[][] chosen = new int[ticketTexts.size()][];
        boolean[] sampled = sample(ticketTexts, CROSS_TICKETS);
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = sampled[i] ? topK(referenceLogits[i], k) : new int[0];
            for (int a : chosen[i]) {
                pairTickets.add(ticketTexts.get(i));
                pairReplies.add(replyTexts.get(a));
            }
        }
        double[] scores = cross.score(pairTickets, pairReplies);
        double mean = Arrays.stream(scores).average().orElse(0);
        double std = Math.sqrt(Math.max(Arrays.stream(scores).map(s -> (s - mean) * (s - mean)).average().orElse(0), 1e-12));
        float[][] out = new float[chosen.length][replyTexts.size()];
        int next = 0;
        for (int i = 0; i < chosen.length; i++) {
            if (!sampled[i]) {
                continue; // all zero, the mean: π* = π_ref on this ticket
            }
            float lowest = Float.POSITIVE_INFINITY;
            for (int a : chosen[i]) {
                out[i][a] = (float) ((scores[next++] - mean) / std);
                lowest = Math.min(lowest, out[i][a]);
            }
            boolean[] scored = new boolean[replyTexts.size()];
            for (int a : chosen[i]) {
                scored[a] = true;
            }
            for (int a = 0; a < scored.length; a++) {
                if (!scored[a]) {
                    out[i][a] = lowest;
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (cross != null) {
            cross.close();
        }
    }

    /** The {@code limit} tickets with the lowest text hashes (all of them if there are fewer): stable across rounds. */
    static boolean[] sample(List<String> tickets, int limit) {
        boolean[] in = new boolean[tickets.size()];
        if (tickets.size() <= limit) {
            Arrays.fill(in, true);
            return in;
        }
        IntStream.range(0, tickets.size()).boxed()
                .sorted(Comparator.comparing(i -> Hashing.sha256Hex(tickets.get(i))))
                .limit(limit).forEach(i -> in[i] = true);
        return in;
    }

    static int[] topK(float[] logits, int k) {
        return IntStream.range(0, logits.length).boxed()
                .sorted((a, b) -> Float.compare(logits[b], logits[a])).limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static double[] deltas(CrossEncoderReward.Scorer scorer, List<PreferencePair> pairs) {
        return scorer.deltas(pairs.stream().map(PreferencePair::prompt).toList(), pairs.stream().map(PreferencePair::first).toList(),
                pairs.stream().map(PreferencePair::second).toList());
    }

    /** The step the round page shows while the cross-encoder trains: a pass counted from 1, never "pass 0 of 4". */
    static String readingStep(TrainingProgress p) {
        return "Learning what reviewers prefer by reading the replies themselves"
                + (p.epoch() > 0 && p.epochs() > 0 ? " (pass " + p.epoch() + " of " + p.epochs() + ")" : " (getting the replies ready)");
    }
}
