package dev.loopwise.model.transformer.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import dev.loopwise.model.Djl;
import dev.loopwise.model.transformer.BundledEncoders;
import dev.loopwise.model.transformer.TokenBatch;
import dev.loopwise.model.transformer.onnx.OnnxEncoderSession;
import dev.loopwise.model.transformer.onnx.OnnxGraph;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The PyTorch re-implementation computes what ONNX Runtime computes from the same file. */
class BertEncoderParityTest {

    @ParameterizedTest
    @EnumSource(BundledEncoders.class)
    void configAndNamesComeFromTheGraph(BundledEncoders bundled) {
        OnnxGraph graph = OnnxGraph.read(bundled.model());
        BertWeightMap weights = BertWeightMap.resolve(graph);
        BertConfig config = BertConfig.fromGraph(graph, weights, OptionalInt.empty());
        int layers = bundled == BundledEncoders.MINILM ? 6 : 12;
        assertEquals(new BertConfig(30522, 384, layers, 12, 1536, 512, 2, 1e-12f), config);
        weights.requireAll(config);
        // Dense weights are anonymous [in, out] constants, found through the node that reads them.
        BertWeightMap.Entry query = weights.entry("encoder.layer.0.attention.self.query.weight");
        assertTrue(query.tensor().name().startsWith("onnx::MatMul_"), query.tensor().name());
        assertTrue(query.transposed());
        BertWeightMap.Entry output = weights.entry("encoder.layer.0.output.dense.weight");
        assertEquals(List.of(1536L, 384L), Arrays.stream(output.tensor().dims()).boxed().toList());
        assertEquals(List.of(384L, 1536L), Arrays.stream(weights.pytorchDims(output.parameter())).boxed().toList());
        assertEquals(16 * layers + 5, weights.entries().size());
    }

    @ParameterizedTest
    @EnumSource(BundledEncoders.class)
    void pytorchForwardMatchesOnnxRuntime(BundledEncoders bundled) {
        try (HuggingFaceTokenizer tokenizer = TokenBatch.tokenizer(bundled.tokenizer(), BertEncoder.Options.DEFAULT_MAX_TOKENS);
             BertEncoder encoder = BertEncoder.load(bundled.id, bundled.model(), BertEncoder.Options.of(bundled.pooling, 0), null);
             OnnxEncoderSession onnx = new OnnxEncoderSession(bundled.model(), Map.of(), 1)) {
            TokenBatch batch = TokenBatch.encode(tokenizer, BundledEncoders.SENTENCES);
            assertEquals(BertEncoder.Options.DEFAULT_MAX_TOKENS, batch.length(), "the long text is truncated and the others are padded");
            float[][] torch = encoder.embed(batch);
            float[][] ort = onnx.embed(batch, bundled.pooling);
            double lowest = 1;
            for (int i = 0; i < torch.length; i++) {
                double cosine = BundledEncoders.cosine(torch[i], ort[i]);
                lowest = Math.min(lowest, cosine);
                assertTrue(cosine >= 0.9999, bundled + " sentence " + i + " cosine " + cosine);
                assertEquals(1.0, BundledEncoders.cosine(torch[i], torch[i]), 1e-6);
            }
            System.out.printf("%s: lowest PyTorch/ONNX Runtime cosine over %d texts: 1 - %.1e%n", bundled.id, torch.length, 1 - lowest);
            long[] tooLong = new long[BertEncoder.Options.DEFAULT_MAX_TOKENS + 1];
            Arrays.fill(tooLong, 1);
            assertThrows(IllegalArgumentException.class,
                    () -> encoder.embed(new TokenBatch(tooLong, tooLong, new long[tooLong.length], 1, tooLong.length)));
            // Padding in a batch does not change a vector: the same text alone gives the same result.
            float[] alone = encoder.embed(TokenBatch.encode(tokenizer, List.of(BundledEncoders.SENTENCES.get(1))))[0];
            assertTrue(BundledEncoders.cosine(alone, ort[1]) >= 0.9999);
        }
    }

    @Test
    void geluIsTheExactErfForm() {
        Djl.configure();
        try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu(), Djl.PYTORCH)) {
            NDArray y = Activation.gelu(manager.create(new float[] {1f, -1f}));
            // exact 0.5·x·(1 + erf(x/√2)); the tanh approximation gives 0.841192 at x = 1
            assertEquals(0.8413447, y.getFloat(0), 2e-6);
            assertEquals(-0.1586553, y.getFloat(1), 2e-6);
        }
    }
}
