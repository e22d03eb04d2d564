package dev.loopwise.model.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.loopwise.model.Djl;
import dev.loopwise.model.MiniBatches;
import dev.loopwise.model.Vectors;
import java.util.Map;
import java.util.Random;

/**
 * A linear softmax head W·x + b on fixed sentence vectors, trained by the shared {@link TrainingLoop} with
 * DJL's PyTorch engine — the product's trained intent regime (Adam, shuffled mini-batches, early stopping
 * on held-out loss with the best epoch's weights kept), on frozen vectors (the intent classifier, and the
 * probe before a fine-tune) and on tuned ones (the head after contrastive tuning).
 *
 * <p>Loss: softmax cross-entropy, L = −(1/B) Σ_i log softmax(W·x_i + b)[y_i].
 */
public final class LinearHeadTrainer {
    /** @param epochs the epoch whose weights these are; {@code heldOutLoss} NaN without held-out rows */
    public record Result(float[][] weights, float[] bias, int epochs, double heldOutLoss, TrainingLoop.Outcome outcome) {
    }

    /**
     * @param maxEpochs with held-out rows: the most epochs (early stopping usually ends sooner); without: exactly this many
     */
    public record Settings(double learningRate, int batchSize, int maxEpochs, int patience, long seed) {
        public Settings {
            if (!(learningRate > 0) || batchSize < 1 || maxEpochs < 1 || patience < 1) {
                throw new IllegalArgumentException("Bad head settings " + learningRate + ", " + batchSize + ", " + maxEpochs
                        + ", " + patience);
            }
        }
    }

    private LinearHeadTrainer() {
    }

    public static Result train(Settings settings, float[][] x, int[] y, float[][] heldOutX, int[] heldOutY, int classes,
                        String stage, TrainingMonitor monitor) {
        Djl.configure();
        Engine.getEngine(Djl.PYTORCH).setRandomSeed((int) settings.seed());
        int dim = x[0].length;
        boolean early = heldOutX != null && heldOutX.length > 0;
        Loss loss = Loss.softmaxCrossEntropyLoss();
        try (Model model = Model.newInstance("linear-head", ai.djl.Device.cpu(), Djl.PYTORCH)) {
            Linear head = Linear.builder().setUnits(classes).build();
            model.setBlock(head);
            try (Trainer trainer = model.newTrainer(Djl.adamOnCpu(loss, settings.learningRate()))) {
                trainer.initialize(new Shape(1, dim));
                Random random = new Random(settings.seed());
                int[] order = MiniBatches.range(x.length);
                float[] labels = floats(y);
                TrainingLoop loop = new TrainingLoop(stage, settings.maxEpochs(),
                        epoch -> MiniBatches.shuffledBatches(order, settings.batchSize(), random), rows -> {
                    try (NDManager batch = trainer.getManager().newSubManager()) {
                        NDArray input = batch.create(MiniBatches.rows(x, rows), new Shape(rows.length, dim));
                        NDArray target = batch.create(MiniBatches.pick(labels, rows));
                        return OptimizerStep.run(trainer,
                                () -> loss.evaluate(new NDList(target), new NDList(trainer.forward(new NDList(input)).singletonOrThrow())));
                    }
                }).monitor(monitor, Long.MAX_VALUE).reportEvery(1000);
                if (early) {
                    loop.evaluateWith(() -> Map.of("eval/loss", heldOutLoss(trainer, loss, heldOutX, heldOutY)),
                            "eval/loss", false, settings.patience(), new TrainingLoop.Snapshot<float[][]>() {
                                @Override
                                public float[][] capture() {
                                    return new float[][] {parameter(head, "weight").toFloatArray(),
                                            parameter(head, "bias").toFloatArray()};
                                }

                                @Override
                                public void restore(float[][] state) {
                                    set(parameter(head, "weight"), state[0]);
                                    set(parameter(head, "bias"), state[1]);
                                }
                            });
                }
                TrainingLoop.Outcome outcome = loop.run();
                float[] w = parameter(head, "weight").toFloatArray();
                float[] b = parameter(head, "bias").toFloatArray();
                return new Result(Vectors.reshape(w, classes, dim), b, outcome.bestEpoch(),
                        early ? outcome.best().get("eval/loss") : Double.NaN, outcome);
            }
        }
    }

    private static double heldOutLoss(Trainer trainer, Loss loss, float[][] x, int[] y) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            NDArray input = batch.create(Vectors.flatten(x), new Shape(x.length, x[0].length));
            NDArray prediction = trainer.evaluate(new NDList(input)).singletonOrThrow();
            return loss.evaluate(new NDList(batch.create(floats(y))), new NDList(prediction)).getFloat();
        }
    }

    public static NDArray parameter(Linear head, String name) {
        for (var pair : head.getParameters()) {
            if (pair.getKey().equals(name)) {
                Parameter parameter = pair.getValue();
                return parameter.getArray();
            }
        }
        throw new IllegalStateException("The linear head has no parameter " + name);
    }

    /**
     * Overwrites a parameter's values in place, outside autograd, by copying into the memory the tensor already has:
     * set(Buffer) would repoint it at a Java buffer that lives only as long as this handle, a use-after-free once the
     * handle is a temporary one and a collection frees the buffer.
     */
    public static void set(NDArray array, float[] values) {
        Djl.runWithoutGradients(() -> {
            try (ai.djl.ndarray.NDManager scratch = array.getManager().newSubManager()) {
                array.set(new ai.djl.ndarray.index.NDIndex("..."), scratch.create(values, array.getShape()));
            }
        });
    }

    public static float[] floats(int[] labels) {
        float[] out = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i];
        }
        return out;
    }
}
