package dev.loopwise.alignment;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.loopwise.model.BradleyTerryLoss;
import dev.loopwise.model.Djl;
import dev.loopwise.model.MiniBatches;
import dev.loopwise.model.policy.PairScorer;
import dev.loopwise.model.policy.PolicyTrainer;
import java.util.Random;

/** Trains the reward model r_φ(x, a) on comparisons with the {@link BradleyTerryLoss}, on DJL's PyTorch engine. */
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
        long started = System.nanoTime();
        Djl.configure();
        Engine.getEngine(Djl.PYTORCH).setRandomSeed((int) config.seed());
        int dim = data.tickets()[0].length;
        BradleyTerryLoss loss = new BradleyTerryLoss();
        DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate())).build())
                .optDevices(new Device[] {Device.cpu()});
        try (Model model = Model.newInstance("reward-model", Device.cpu(), Djl.PYTORCH)) {
            PairScorer scorer = new PairScorer(dim, config.hidden());
            model.setBlock(scorer);
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(new Shape(1, dim), new Shape(1, dim), new Shape(1, dim));
                NDManager manager = trainer.getManager();
                Random random = new Random(config.seed());
                int[] order = java.util.stream.IntStream.range(0, data.size()).toArray();
                double epochLoss = Double.NaN;
                for (int epoch = 0; epoch < config.epochs(); epoch++) {
                    MiniBatches.shuffle(order, random);
                    double sum = 0;
                    int batches = 0;
                    for (int start = 0; start < order.length; start += config.batchSize()) {
                        int end = Math.min(order.length, start + config.batchSize());
                        int rows = end - start;
                        try (NDManager batch = manager.newSubManager()) {
                            NDList inputs = new NDList(
                                    batch.create(MiniBatches.rows(data.tickets(), order, start, end), new Shape(rows, dim)),
                                    batch.create(MiniBatches.rows(data.first(), order, start, end), new Shape(rows, dim)),
                                    batch.create(MiniBatches.rows(data.second(), order, start, end), new Shape(rows, dim)));
                            NDList labels = new NDList(batch.create(MiniBatches.pick(data.kinds(), order, start, end)),
                                    batch.create(MiniBatches.pick(data.margins(), order, start, end)),
                                    batch.create(MiniBatches.pick(data.weights(), order, start, end)));
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray value = loss.evaluate(labels, trainer.forward(inputs));
                                sum += value.getFloat();
                                collector.backward(value);
                            }
                            trainer.step();
                            batches++;
                        }
                    }
                    epochLoss = sum / Math.max(batches, 1);
                }
                return new Result(new RewardModel(PolicyTrainer.export(scorer)), epochLoss, (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

}
