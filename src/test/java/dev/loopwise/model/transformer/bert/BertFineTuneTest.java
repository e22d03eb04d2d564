package dev.loopwise.model.transformer.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.loopwise.model.transformer.BundledEncoders;
import dev.loopwise.model.transformer.FloatTensor;
import dev.loopwise.model.transformer.TokenBatch;
import dev.loopwise.model.transformer.onnx.OnnxEncoderSession;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real optimizer steps change the top layers, and the tuned weights served through ONNX Runtime (base
 * graph, replaced initializers) give what PyTorch gives, and not what the base gives.
 */
class BertFineTuneTest {
    static final int TUNED_LAYERS = 2;

    @ParameterizedTest
    @EnumSource(BundledEncoders.class)
    void tunedTopLayersServeThroughOnnxRuntime(BundledEncoders bundled) {
        try (HuggingFaceTokenizer tokenizer = TokenBatch.tokenizer(bundled.tokenizer(), 64);
             BertEncoder encoder = BertEncoder.load(bundled.id, bundled.model(),
                     BertEncoder.Options.of(bundled.pooling, TUNED_LAYERS), null)) {
            TokenBatch pair = TokenBatch.encode(tokenizer, List.of("I want a refund for my broken lamp",
                    "How do I reset my password?"));
            float[] losses = train(encoder, pair, 6);
            assertTrue(losses[losses.length - 1] < losses[0] - 0.05,
                    "pulling two sentences together lowers 1 − cosine: " + Arrays.toString(losses));

            TunedEncoderWeights tuned = encoder.tunedWeights();
            int layers = encoder.config().layers();
            assertEquals(layers - TUNED_LAYERS, tuned.firstLayer());
            assertEquals(16 * TUNED_LAYERS, tuned.tensors().size());
            String frozen = "encoder.layer.0.attention.self.query.weight";
            assertArrayEquals(encoder.weightMap().pytorchValues(frozen),
                    encoder.block().layerValues(0, 1).get(frozen).values(), "frozen layers keep their weights");

            TokenBatch texts = TokenBatch.encode(tokenizer, BundledEncoders.SENTENCES);
            float[][] torch = encoder.embed(texts);
            Map<String, FloatTensor> overrides = tuned.onnxInitializers(encoder.weightMap());
            assertEquals(16 * TUNED_LAYERS, overrides.size());
            try (OnnxEncoderSession base = new OnnxEncoderSession(bundled.model(), Map.of(), 1);
                 OnnxEncoderSession served = new OnnxEncoderSession(bundled.model(), overrides, 1)) {
                float[][] ort = served.embed(texts, bundled.pooling);
                float[][] before = base.embed(texts, bundled.pooling);
                double lowest = 1;
                double lowestToBase = 1;
                for (int i = 0; i < torch.length; i++) {
                    lowest = Math.min(lowest, BundledEncoders.cosine(torch[i], ort[i]));
                    lowestToBase = Math.min(lowestToBase, BundledEncoders.cosine(ort[i], before[i]));
                }
                System.out.printf("%s tuned: losses %s, lowest PyTorch/ORT cosine 1 - %.1e, lowest tuned/base cosine %.5f%n",
                        bundled.id, Arrays.toString(losses), 1 - lowest, lowestToBase);
                assertTrue(lowest >= 0.9999, "tuned PyTorch vs ONNX Runtime cosine " + lowest);
                assertTrue(lowestToBase < 0.999, "the replaced initializers changed the served vectors: " + lowestToBase);
            }

            // The stored form reloads into PyTorch with the same result.
            TunedEncoderWeights reread = TunedEncoderWeights.fromBytes(tuned.toBytes());
            try (BertEncoder reloaded = BertEncoder.load(bundled.id, bundled.model(),
                    BertEncoder.Options.of(bundled.pooling, 0), reread)) {
                float[][] again = reloaded.embed(texts);
                for (int i = 0; i < torch.length; i++) {
                    assertTrue(BundledEncoders.cosine(torch[i], again[i]) > 0.999999);
                }
            }
        }
    }

    /** Adam steps on 1 − cos(v₀, v₁); returns the loss before each step. */
    static float[] train(BertEncoder encoder, TokenBatch pair, int steps) {
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(5e-4f)).build())
                .optDevices(new Device[] {Device.cpu()});
        float[] losses = new float[steps];
        try (Trainer trainer = encoder.model().newTrainer(config)) {
            trainer.initialize(BertEncoder.inputShapes());
            for (int step = 0; step < steps; step++) {
                try (NDManager batch = trainer.getManager().newSubManager()) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray vectors = trainer.forward(pair.toNDList(batch)).get(0);
                        NDArray loss = vectors.get(0).mul(vectors.get(1)).sum().neg().add(1f);
                        losses[step] = loss.getFloat();
                        collector.backward(loss);
                    }
                    trainer.step();
                }
            }
        }
        return losses;
    }
}
