package dev.loopwise.model.transformer.tuning;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.loopwise.model.Djl;
import dev.loopwise.model.training.GradientClipping;
import dev.loopwise.model.training.LinearHeadTrainer;
import dev.loopwise.model.training.OptimizerStep;
import dev.loopwise.model.training.TrainingLoop;
import dev.loopwise.model.transformer.bert.BertConfig;
import dev.loopwise.model.transformer.bert.BertEncoder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The encoder's top layers and a linear head on its pooled state trained together, set up in one place so that the
 * classifier and reward fine-tunes cannot drift apart in it: the head's model, the layer-wise and head learning-rate
 * schedules, the AdamW and Adam trainers (initialised encoder first, so the engine's seed draws the same numbers),
 * the joint update with clipped gradients, and the snapshot that keeps the best epoch. The head outlives its trainers,
 * so a fine-tune can read and refit it after the loop; closing this closes the head.
 */
public final class EncoderHeadTraining implements AutoCloseable {
    /** The schedules' settings over {@code total} updates. */
    public record Rates(double learningRate, double headLearningRate, double warmupShare, double layerDecay, double weightDecay,
                 int total) {
    }

    /** The two trainers of one run of the loop, for its steps. */
    public final class Session {
        private final Trainer encoderTrainer;
        private final Trainer headTrainer;
        private final LearningRateSchedule encoderRate;

        private Session(Trainer encoderTrainer, Trainer headTrainer, LearningRateSchedule encoderRate) {
            this.encoderTrainer = encoderTrainer;
            this.headTrainer = headTrainer;
            this.encoderRate = encoderRate;
        }

        /**
         * One joint update of layers and head on a batch: {@code prepare} makes the batch's targets in the batch's
         * manager and returns the forward pass and loss, which run inside the gradient collector. Returns the loss.
         */
        public double step(Function<NDManager, Supplier<NDArray>> prepare) {
            try (NDManager batch = encoderTrainer.getManager().newSubManager()) {
                return OptimizerStep.run(GradientClipping.TRANSFORMER_MAX_NORM, encoderTrainer, prepare.apply(batch),
                        headTrainer);
            }
        }

        /** The head on a batch of pooled states. */
        public NDList head(NDArray pooled) {
            return headTrainer.forward(new NDList(pooled));
        }

        /** The tuned layers and the head, for the loop to keep the best epoch's. */
        public LayersAndHeadSnapshot snapshot() {
            return new LayersAndHeadSnapshot(encoder.block(), encoder.block().firstTrainableLayer(), bert.layers(), head);
        }

        /** The top layer's current learning rate, for the loop's logs. */
        public double learningRate() {
            return encoderRate.current();
        }
    }

    private final BertEncoder encoder;
    private final BertConfig bert;
    private final Model headModel;
    private final Linear head;

    /** A head of {@code units} outputs named {@code name}, on {@code encoder}'s pooled state. */
    public EncoderHeadTraining(String name, int units, BertEncoder encoder, BertConfig bert) {
        this.encoder = encoder;
        this.bert = bert;
        this.headModel = Model.newInstance(name, Device.cpu(), Djl.PYTORCH);
        this.head = Linear.builder().setUnits(units).build();
        headModel.setBlock(head);
    }

    /**
     * Opens the trainers, sets the head's starting weights (both {@code null}: DJL's initialisation), runs the loop
     * {@code loop} builds on them and closes the trainers.
     */
    public TrainingLoop.Outcome train(Loss loss, Rates rates, float[] weight, float[] bias, Function<Session, TrainingLoop> loop) {
        LearningRateSchedule encoderRate = LearningRateSchedule.layerWise(rates.learningRate(), rates.warmupShare(),
                rates.total(), encoder.block(), bert, rates.layerDecay());
        LearningRateSchedule headRate = LearningRateSchedule.head(rates.headLearningRate(), rates.warmupShare(),
                rates.total());
        try (Trainer encoderTrainer = encoder.model().newTrainer(TuningOptimizers.encoder(loss, encoderRate,
                rates.weightDecay()));
             Trainer headTrainer = headModel.newTrainer(TuningOptimizers.head(loss, headRate))) {
            encoderTrainer.initialize(BertEncoder.inputShapes());
            headTrainer.initialize(new Shape(1, bert.hidden()));
            if (weight != null) {
                LinearHeadTrainer.set(LinearHeadTrainer.parameter(head, "weight"), weight);
                LinearHeadTrainer.set(LinearHeadTrainer.parameter(head, "bias"), bias);
            }
            return loop.apply(new Session(encoderTrainer, headTrainer, encoderRate)).run();
        }
    }

    /** The head's weights, row after row. */
    public float[] weight() {
        return LinearHeadTrainer.parameter(head, "weight").toFloatArray();
    }

    public float[] bias() {
        return LinearHeadTrainer.parameter(head, "bias").toFloatArray();
    }

    @Override
    public void close() {
        headModel.close();
    }
}
