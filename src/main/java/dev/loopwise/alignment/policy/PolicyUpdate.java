package dev.loopwise.alignment.policy;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import dev.loopwise.alignment.reward.RewardModel;
import dev.loopwise.model.Djl;
import dev.loopwise.model.MiniBatches;
import dev.loopwise.model.Vectors;
import dev.loopwise.model.policy.BatchScorer;
import dev.loopwise.model.policy.PairScorer;
import dev.loopwise.model.policy.PolicyTrainer;
import dev.loopwise.model.policy.ReplyPolicy;
import dev.loopwise.model.training.OptimizerStep;
import dev.loopwise.model.training.TrainingLoop;
import dev.loopwise.model.training.TrainingMonitor;
import java.util.List;
import java.util.Random;

/**
 * The two ways a round moves the policy. {@code reward_weighted}: over the candidate set the optimum of
 * E_π[r] − β·KL(π‖π_ref) is exactly π*(a|x) ∝ π_ref(a|x)·exp(r(x, a)/β); it is distilled into θ on every
 * known ticket, starting from π_ref. {@code dpo}: DPO on the human pairs, with π_ref as the reference.
 */
public final class PolicyUpdate {
    /** Tickets as the policy reads them: features, and log p(intent(a)|x) for every library reply. */
    public record Tickets(float[][] features, float[][] logPriors) {
    }

    private static final double DPO_LEARNING_RATE = 0.001;
    private static final int DPO_BATCH = 32;

    private PolicyUpdate() {
    }

    /**
     * π*(·|x) ∝ π_ref(·|x)·exp(r̃(x, ·)/β) for every ticket, with r̃ the reward standardised over all
     * (ticket, reply) pairs — so that β means the same whatever scale the reward model happened to learn.
     */
    public static float[][] optimalTargets(float[][] referenceLogits, float[][] normalisedReward, double beta) {
        float[][] targets = new float[referenceLogits.length][];
        for (int i = 0; i < targets.length; i++) {
            double[] logits = new double[referenceLogits[i].length];
            for (int a = 0; a < logits.length; a++) {
                logits[a] = referenceLogits[i][a] + normalisedReward[i][a] / beta;
            }
            targets[i] = toFloat(Vectors.softmax(logits));
        }
        return targets;
    }

    /** log π-logits of a policy for every ticket: s(x, a) + log p(intent(a) | x). */
    public static float[][] logits(ReplyPolicy policy, Tickets tickets, float[][] replies) {
        float[][] scores = BatchScorer.scores(policy, tickets.features(), replies);
        for (int i = 0; i < scores.length; i++) {
            for (int a = 0; a < scores[i].length; a++) {
                scores[i][a] += tickets.logPriors()[i][a];
            }
        }
        return scores;
    }

    /** The reward of every (ticket, reply), standardised to mean 0 and standard deviation 1. */
    public static float[][] normalisedReward(RewardModel reward, Tickets tickets, float[][] replies) {
        float[][] r = BatchScorer.scores(reward.scorer(), tickets.features(), replies);
        double sum = 0;
        double squares = 0;
        long n = 0;
        for (float[] row : r) {
            for (float v : row) {
                sum += v;
                squares += (double) v * v;
                n++;
            }
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(squares / n - mean * mean, 1e-12));
        for (float[] row : r) {
            for (int a = 0; a < row.length; a++) {
                row[a] = (float) ((row[a] - mean) / std);
            }
        }
        return r;
    }

    public static ReplyPolicy rewardWeighted(ReplyPolicy reference, float[][] targets, Tickets tickets, float[][] replies, int epochs,
                                             long seed, TrainingMonitor monitor) {
        PolicyTrainer.Config config = new PolicyTrainer.Config(reference.hidden(), epochs, 0.003, 128, seed, reference);
        return PolicyTrainer.train(config, new PolicyTrainer.Data(tickets.features(), replies, targets, tickets.logPriors()), monitor)
                .policy();
    }

    /** A human pair in library terms: ticket row, chosen and rejected reply index. */
    public record LibraryPair(int ticket, int chosen, int rejected) {
    }

    public static ReplyPolicy dpo(ReplyPolicy reference, List<LibraryPair> pairs, Tickets tickets, float[][] replies, double beta,
                                  int epochs, long seed, TrainingMonitor monitor) {
        Djl.configure();
        Engine.getEngine(Djl.PYTORCH).setRandomSeed((int) seed);
        ReplyPolicy.PreparedReply[] ref = prepare(reference, replies);
        int n = replies.length;
        int dim = replies[0].length;
        float[] referenceGap = new float[pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            LibraryPair pair = pairs.get(p);
            double[] logits = reference.logits(tickets.features()[pair.ticket()], ref, toDouble(tickets.logPriors()[pair.ticket()]));
            double[] logPi = logSoftmax(logits);
            referenceGap[p] = (float) (logPi[pair.chosen()] - logPi[pair.rejected()]);
        }
        DpoLoss loss = new DpoLoss(beta);
        try (Model model = Model.newInstance("dpo-policy", Device.cpu(), Djl.PYTORCH)) {
            PairScorer scorer = new PairScorer(dim, reference.hidden());
            model.setBlock(scorer);
            try (Trainer trainer = model.newTrainer(Djl.adamOnCpu(loss, DPO_LEARNING_RATE))) {
                trainer.initialize(new Shape(1, dim), new Shape(n, dim));
                PolicyTrainer.load(scorer, reference);
                NDManager manager = trainer.getManager();
                NDArray library = manager.create(Vectors.flatten(replies), new Shape(n, dim));
                Random random = new Random(seed);
                int[] order = MiniBatches.range(pairs.size());
                new TrainingLoop("dpo", epochs, epoch -> MiniBatches.shuffledBatches(order, DPO_BATCH, random), rows -> {
                    DpoBatch b = DpoBatch.of(pairs, rows, tickets, referenceGap, n, dim);
                    try (NDManager batch = manager.newSubManager()) {
                        int size = rows.length;
                        NDList labels = new NDList(batch.create(b.chosen(), new Shape(size, n)),
                                batch.create(b.rejected(), new Shape(size, n)), batch.create(b.gap()));
                        NDArray x = batch.create(b.x(), new Shape(size, dim));
                        NDArray prior = batch.create(b.prior(), new Shape(size, n));
                        return OptimizerStep.run(trainer, () -> loss.evaluate(labels,
                                new NDList(trainer.forward(new NDList(x, library)).singletonOrThrow().add(prior))));
                    }
                }).monitor(monitor, Long.MAX_VALUE).reportEvery(100).run();
                return PolicyTrainer.export(scorer);
            }
        }
    }

    /** One DPO mini-batch laid out for NDArrays: ticket features, priors, one-hot chosen/rejected, reference gaps. */
    private record DpoBatch(float[] x, float[] prior, float[] chosen, float[] rejected, float[] gap) {
        static DpoBatch of(List<LibraryPair> pairs, int[] rows, Tickets tickets, float[] referenceGap, int n, int dim) {
            DpoBatch b = new DpoBatch(new float[rows.length * dim], new float[rows.length * n], new float[rows.length * n],
                    new float[rows.length * n], new float[rows.length]);
            for (int r = 0; r < rows.length; r++) {
                LibraryPair pair = pairs.get(rows[r]);
                System.arraycopy(tickets.features()[pair.ticket()], 0, b.x, r * dim, dim);
                System.arraycopy(tickets.logPriors()[pair.ticket()], 0, b.prior, r * n, n);
                b.chosen[r * n + pair.chosen()] = 1;
                b.rejected[r * n + pair.rejected()] = 1;
                b.gap[r] = referenceGap[rows[r]];
            }
            return b;
        }
    }

    public static ReplyPolicy.PreparedReply[] prepare(ReplyPolicy policy, float[][] replies) {
        ReplyPolicy.PreparedReply[] prepared = new ReplyPolicy.PreparedReply[replies.length];
        for (int a = 0; a < replies.length; a++) {
            prepared[a] = policy.prepare(replies[a]);
        }
        return prepared;
    }

    static double[] logSoftmax(double[] logits) {
        double[] p = Vectors.softmax(logits);
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Math.log(Math.max(p[i], 1e-300));
        }
        return out;
    }

    static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    public static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

}
