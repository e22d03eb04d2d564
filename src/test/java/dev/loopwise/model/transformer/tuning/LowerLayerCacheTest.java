package dev.loopwise.model.transformer.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.loopwise.model.training.TrainingMonitor;
import dev.loopwise.model.transformer.BundledEncoders;
import dev.loopwise.model.transformer.TokenBatch;
import dev.loopwise.model.transformer.TokenizedTexts;
import dev.loopwise.model.transformer.bert.BertEncoder;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Starting from cached frozen states computes what starting from the tokens computes, in any batch. */
class LowerLayerCacheTest {
    @Test
    void cachedStatesGiveTheSameVectorsAsTheTokens() {
        BundledEncoders bundled = BundledEncoders.MINILM;
        try (HuggingFaceTokenizer tokenizer = TokenBatch.tokenizer(bundled.tokenizer(), 64);
             BertEncoder encoder = BertEncoder.load(bundled.id, bundled.model(),
                     new BertEncoder.Options(bundled.pooling, 2, 64, 0.1f, OptionalInt.empty()), null)) {
            TokenizedTexts texts = TokenizedTexts.of(tokenizer, BundledEncoders.SENTENCES);
            int[] all = IntStream.range(0, texts.size()).toArray();
            LowerLayerCache cache = LowerLayerCache.build(encoder, texts, all, 4, TrainingMonitor.none());
            assertEquals(texts.totalTokens(all) * 384 * 4, cache.bytes());
            // A different grouping than the cache was built with (it sorted by length): padding differs.
            int[] batch = {11, 0, 5, 3, 8};
            float[][] fromTokens = new EncoderFeed(encoder, texts, null).embed(batch, 5, TrainingMonitor.none(), "t");
            float[][] fromCache = new EncoderFeed(encoder, texts, cache).embed(batch, 5, TrainingMonitor.none(), "t");
            double worst = 0;
            for (int i = 0; i < batch.length; i++) {
                for (int d = 0; d < 384; d++) {
                    worst = Math.max(worst, Math.abs(fromTokens[i][d] - fromCache[i][d]));
                }
            }
            assertTrue(worst < 1e-5, "largest difference " + worst);
        }
    }
}
