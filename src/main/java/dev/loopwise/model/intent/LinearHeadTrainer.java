package dev.loopwise.model.intent;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.loopwise.model.Djl;
import dev.loopwise.model.MiniBatches;
import dev.loopwise.model.Vectors;
import java.util.Random;

/**
 * Trains a linear softmax head W·x + b on frozen sentence vectors with DJL's PyTorch engine.
 * Loss: softmax cross-entropy, L = −(1/B) Σ_i log softmax(W·x_i + b)[y_i]. Adam, shuffled
 * mini-batches, early stopping on held-out loss (the best epoch's weights are kept).
 */
final class LinearHeadTrainer {
    record Result(float[][] weights, float[] bias, int epochs, double heldOutLoss) {
    }

    private LinearHeadTrainer() {
    }

    /** With an empty {@code heldOut} set it trains exactly {@code fixedEpochs} epochs. */
    static Result train(IntentTrainingConfig config, LabelledVectors train, LabelledVectors heldOut, int classes,
                        int fixedEpochs) {
        Djl.configure();
        Engine.getEngine(Djl.PYTORCH).setRandomSeed((int) config.seed());
        int dim = train.dimension();
        boolean earlyStopping = heldOut.size() > 0;
        int maxEpochs = earlyStopping ? config.maxEpochs() : fixedEpochs;
        Loss loss = Loss.softmaxCrossEntropyLoss();
        DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate())).build())
                .optDevices(new Device[] {Device.cpu()});
        try (Model model = Model.newInstance("intent-head", Device.cpu(), Djl.PYTORCH)) {
            Linear head = Linear.builder().setUnits(classes).build();
            model.setBlock(head);
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(new Shape(1, dim));
                NDManager manager = trainer.getManager();
                Random random = new Random(config.seed());
                int[] order = java.util.stream.IntStream.range(0, train.size()).toArray();
                float[] labels = toFloat(train.labels());
                double bestLoss = Double.POSITIVE_INFINITY;
                float[] bestWeights = null;
                float[] bestBias = null;
                int bestEpoch = 0;
                for (int epoch = 1; epoch <= maxEpochs; epoch++) {
                    MiniBatches.shuffle(order, random);
                    for (int start = 0; start < order.length; start += config.batchSize()) {
                        int end = Math.min(order.length, start + config.batchSize());
                        try (NDManager batch = manager.newSubManager()) {
                            NDArray x = batch.create(MiniBatches.rows(train.vectors(), order, start, end), new Shape(end - start, dim));
                            NDArray y = batch.create(MiniBatches.pick(labels, order, start, end));
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray prediction = trainer.forward(new NDList(x)).singletonOrThrow();
                                collector.backward(loss.evaluate(new NDList(y), new NDList(prediction)));
                            }
                            trainer.step();
                        }
                    }
                    if (!earlyStopping) {
                        bestEpoch = epoch;
                        continue;
                    }
                    double heldOutLoss = evaluate(trainer, loss, heldOut, dim);
                    if (heldOutLoss < bestLoss - 1e-5) {
                        bestLoss = heldOutLoss;
                        bestEpoch = epoch;
                        bestWeights = parameter(head, "weight");
                        bestBias = parameter(head, "bias");
                    } else if (epoch - bestEpoch >= config.patience()) {
                        break;
                    }
                }
                if (bestWeights == null) {
                    bestWeights = parameter(head, "weight");
                    bestBias = parameter(head, "bias");
                }
                return new Result(Vectors.reshape(bestWeights, classes, dim), bestBias, bestEpoch,
                        earlyStopping ? bestLoss : Double.NaN);
            }
        }
    }

    private static double evaluate(Trainer trainer, Loss loss, LabelledVectors data, int dim) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            NDArray x = batch.create(Vectors.flatten(data.vectors()), new Shape(data.size(), dim));
            NDArray y = batch.create(toFloat(data.labels()));
            NDArray prediction = trainer.evaluate(new NDList(x)).singletonOrThrow();
            return loss.evaluate(new NDList(y), new NDList(prediction)).getFloat();
        }
    }

    private static float[] parameter(Linear head, String name) {
        for (var pair : head.getParameters()) {
            Parameter parameter = pair.getValue();
            if (pair.getKey().equals(name)) {
                return parameter.getArray().toFloatArray();
            }
        }
        throw new IllegalStateException("The linear head has no parameter " + name);
    }

    private static float[] toFloat(int[] labels) {
        float[] out = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i];
        }
        return out;
    }

}
