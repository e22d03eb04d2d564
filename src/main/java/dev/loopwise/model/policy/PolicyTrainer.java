package dev.loopwise.model.policy;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.loopwise.model.Djl;
import dev.loopwise.model.MiniBatches;
import dev.loopwise.model.Vectors;
import dev.loopwise.model.training.OptimizerStep;
import dev.loopwise.model.training.TrainingLoop;
import dev.loopwise.model.training.TrainingMonitor;
import java.util.Random;

/**
 * Fits the reply policy's pair scorer so that softmax_a [s(x, a) + log p(intent(a) | x)] matches target
 * distributions q(a | x):
 * from agents' historical replies (SFT, giving π_ref) or from the reward-weighted optimum (alignment).
 * Loss: {@link SoftTargetCrossEntropy}. Adam on shuffled mini-batches of tickets in the shared
 * {@link TrainingLoop}; every ticket is scored against every candidate reply.
 */
public final class PolicyTrainer {
    /** @param initial weights to start from (null: random), e.g. π_ref when distilling an aligned policy */
    public record Config(int hidden, int epochs, double learningRate, int batchSize, long seed, ReplyPolicy initial) {
        public Config {
            if (hidden < 1 || epochs < 1 || batchSize < 1 || !(learningRate > 0 && learningRate < 1)) {
                throw new IllegalArgumentException("hidden, epochs and batchSize must be positive, learningRate in (0, 1)");
            }
        }

        public static Config defaults(int hidden, int epochs, long seed) {
            return new Config(hidden, epochs, 0.003, 32, seed, null);
        }
    }

    /**
     * @param targets   one distribution over {@code replies} per ticket
     * @param logPriors per ticket, log p(intent(a) | x) for every reply (added to the scores)
     */
    public record Data(float[][] tickets, float[][] replies, float[][] targets, float[][] logPriors) {
        public Data {
            if (tickets.length != targets.length || tickets.length != logPriors.length) {
                throw new IllegalArgumentException(tickets.length + " tickets but " + targets.length + " targets and "
                        + logPriors.length + " priors");
            }
        }
    }

    public record Result(ReplyPolicy policy, double finalLoss, long trainingMillis) {
    }

    private PolicyTrainer() {
    }

    public static Result train(Config config, Data data) {
        return train(config, data, TrainingMonitor.none());
    }

    public static Result train(Config config, Data data, TrainingMonitor monitor) {
        long started = System.nanoTime();
        Djl.configure();
        Engine.getEngine(Djl.PYTORCH).setRandomSeed((int) config.seed());
        int dim = data.replies()[0].length;
        int candidates = data.replies().length;
        Loss loss = new SoftTargetCrossEntropy();
        try (Model model = Model.newInstance("reply-policy", Device.cpu(), Djl.PYTORCH)) {
            PairScorer scorer = new PairScorer(dim, config.hidden());
            model.setBlock(scorer);
            try (Trainer trainer = model.newTrainer(Djl.adamOnCpu(loss, config.learningRate()))) {
                trainer.initialize(new Shape(1, dim), new Shape(candidates, dim));
                if (config.initial() != null) {
                    load(scorer, config.initial());
                }
                NDManager manager = trainer.getManager();
                NDArray replies = manager.create(Vectors.flatten(data.replies()), new Shape(candidates, dim));
                Random random = new Random(config.seed());
                int[] order = MiniBatches.range(data.tickets().length);
                TrainingLoop.Outcome outcome = new TrainingLoop("policy", config.epochs(),
                        epoch -> MiniBatches.shuffledBatches(order, config.batchSize(), random), rows -> {
                    try (NDManager batch = manager.newSubManager()) {
                        Shape shape = new Shape(rows.length, candidates);
                        NDArray x = batch.create(MiniBatches.rows(data.tickets(), rows), new Shape(rows.length, dim));
                        NDArray q = batch.create(MiniBatches.rows(data.targets(), rows), shape);
                        NDArray prior = batch.create(MiniBatches.rows(data.logPriors(), rows), shape);
                        return OptimizerStep.run(trainer, () -> loss.evaluate(new NDList(q),
                                new NDList(trainer.forward(new NDList(x, replies)).singletonOrThrow().add(prior))));
                    }
                }).monitor(monitor, Long.MAX_VALUE).reportEvery(100).run();
                return new Result(export(scorer), outcome.best().get("train/loss"), (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    public static ReplyPolicy export(PairScorer scorer) {
        return new ReplyPolicy(transposed(scorer.query), transposed(scorer.reply), transposed(scorer.interaction),
                scorer.hiddenBias.getArray().toFloatArray(), scorer.out.getArray().toFloatArray(),
                scorer.outBias.getArray().toFloatArray()[0]);
    }

    public static void load(PairScorer scorer, ReplyPolicy policy) {
        set(scorer.query, policy.queryWeights());
        set(scorer.reply, policy.replyWeights());
        set(scorer.interaction, policy.interactionWeights());
        scorer.hiddenBias.getArray().set(policy.hiddenBias());
        scorer.out.getArray().set(policy.outWeights());
        scorer.outBias.getArray().set(new float[] {policy.outBias()});
    }

    /** Stored as [d][hidden] for the batched matMul; held as [hidden][d] for per-unit dot products. */
    private static float[][] transposed(Parameter parameter) {
        NDArray array = parameter.getArray();
        int rows = (int) array.getShape().get(0);
        int cols = (int) array.getShape().get(1);
        float[] flat = array.toFloatArray();
        float[][] out = new float[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c][r] = flat[r * cols + c];
            }
        }
        return out;
    }

    private static void set(Parameter parameter, float[][] hiddenByDim) {
        int hidden = hiddenByDim.length;
        int dim = hiddenByDim[0].length;
        float[] flat = new float[dim * hidden];
        for (int k = 0; k < hidden; k++) {
            for (int j = 0; j < dim; j++) {
                flat[j * hidden + k] = hiddenByDim[k][j];
            }
        }
        parameter.getArray().set(flat);
    }

}
