package dev.loopwise.alignment.reward;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import dev.loopwise.model.BradleyTerryLoss;
import dev.loopwise.model.Djl;
import dev.loopwise.model.MiniBatches;
import dev.loopwise.model.policy.PairScorer;
import dev.loopwise.model.policy.PolicyTrainer;
import dev.loopwise.model.training.OptimizerStep;
import dev.loopwise.model.training.TrainingLoop;
import dev.loopwise.model.training.TrainingMonitor;
import java.util.Random;

/**
 * Trains the reward model r_φ(x, a) on comparisons with the {@link BradleyTerryLoss}, in the shared
 * {@link TrainingLoop} on DJL's PyTorch engine.
 */
public final class RewardTrainer {
    /** Validated on construction. */
    public record Config(int hidden, int epochs, double learningRate, int batchSize, long seed) {
        public Config {
            if (hidden < 1 || epochs < 1 || batchSize < 1 || !(learningRate > 0 && learningRate < 1)) {
                throw new IllegalArgumentException("hidden, epochs and batchSize must be positive, learningRate in (0, 1)");
            }
        }

        public static Config defaults(long seed) {
            return new Config(32, 30, 0.003, 64, seed);
        }
    }

    /** Featurised comparisons: ticket, first and second reply features; kind codes, margins, weights. */
    public record Data(float[][] tickets, float[][] first, float[][] second, float[] kinds, float[] margins, float[] weights) {
        public int size() {
            return tickets.length;
        }
    }

    public record Result(RewardModel model, double finalLoss, long trainingMillis) {
    }

    private RewardTrainer() {
    }

    public static Result train(Config config, Data data) {
        return train(config, data, TrainingMonitor.none());
    }

    /** Training that continues from {@code initial}'s weights (null: from a seeded random start). */
    public static Result train(Config config, Data data, RewardModel initial) {
        return train(config, data, initial, TrainingMonitor.none());
    }

    /** Whether training with this configuration on features of this width can continue from {@code initial}. */
    public static boolean canContinue(Config config, int width, RewardModel initial) {
        return initial != null && initial.scorer().hidden() == config.hidden() && initial.scorer().queryWeights()[0].length == width
                && initial.scorer().replyWeights()[0].length == width && initial.scorer().interactionWeights()[0].length == width;
    }

    public static Result train(Config config, Data data, TrainingMonitor monitor) {
        return train(config, data, null, monitor);
    }

    public static Result train(Config config, Data data, RewardModel initial, TrainingMonitor monitor) {
        long started = System.nanoTime();
        Djl.configure();
        Engine.getEngine(Djl.PYTORCH).setRandomSeed((int) config.seed());
        int dim = data.tickets()[0].length;
        BradleyTerryLoss loss = new BradleyTerryLoss();
        try (Model model = Model.newInstance("reward-model", Device.cpu(), Djl.PYTORCH)) {
            PairScorer scorer = new PairScorer(dim, config.hidden());
            model.setBlock(scorer);
            try (Trainer trainer = model.newTrainer(Djl.adamOnCpu(loss, config.learningRate()))) {
                trainer.initialize(new Shape(1, dim), new Shape(1, dim), new Shape(1, dim));
                if (initial != null) {
                    if (!canContinue(config, dim, initial)) {
                        throw new IllegalArgumentException("The reward model to continue from has another shape than this training's");
                    }
                    PolicyTrainer.load(scorer, initial.scorer());
                }
                NDManager manager = trainer.getManager();
                Random random = new Random(config.seed());
                int[] order = MiniBatches.range(data.size());
                TrainingLoop.Outcome outcome = new TrainingLoop("reward", config.epochs(),
                        epoch -> MiniBatches.shuffledBatches(order, config.batchSize(), random), rows -> {
                    try (NDManager batch = manager.newSubManager()) {
                        Shape shape = new Shape(rows.length, dim);
                        NDList inputs = new NDList(batch.create(MiniBatches.rows(data.tickets(), rows), shape),
                                batch.create(MiniBatches.rows(data.first(), rows), shape),
                                batch.create(MiniBatches.rows(data.second(), rows), shape));
                        NDList labels = new NDList(batch.create(MiniBatches.pick(data.kinds(), rows)),
                                batch.create(MiniBatches.pick(data.margins(), rows)), batch.create(MiniBatches.pick(data.weights(), rows)));
                        return OptimizerStep.run(trainer, () -> loss.evaluate(labels, trainer.forward(inputs)));
                    }
                }).monitor(monitor, Long.MAX_VALUE).reportEvery(100).run();
                Double trainLoss = outcome.best().get("train/loss");
                if (trainLoss == null) {
                    throw new IllegalStateException("The reward model learned nothing: no training step had a finite loss "
                            + "(check the margins of imported preference pairs)");
                }
                return new Result(new RewardModel(PolicyTrainer.export(scorer)), trainLoss,
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }
}
