package dev.loopwise.model.transformer.tuning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import dev.loopwise.model.Djl;
import dev.loopwise.model.training.TrainingMonitor;
import dev.loopwise.model.transformer.TokenBatch;
import dev.loopwise.model.transformer.TokenizedTexts;
import dev.loopwise.model.transformer.bert.BertEncoder;
import dev.loopwise.model.transformer.bert.BertEncoderBlock;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the encoder on rows of a tokenized data set, starting from the {@link LowerLayerCache} when there
 * is one (only the trainable layers then run) and from the tokens otherwise. Both paths compute the same
 * values: the cache holds exactly what {@link BertEncoderBlock#lowerStates} returns.
 */
public final class EncoderFeed {
    private final BertEncoder encoder;
    private final TokenizedTexts texts;
    private final LowerLayerCache cache;

    EncoderFeed(BertEncoder encoder, TokenizedTexts texts, LowerLayerCache cache) {
        this.encoder = encoder;
        this.texts = texts;
        this.cache = cache;
    }

    TokenizedTexts texts() {
        return texts;
    }

    /**
     * Pooled unit vectors [rows, hidden] (and last hidden states) of the given rows; records an autograd graph
     * for the trainable layers when gradients are being collected.
     *
     * @param training dropout in the trainable layers
     */
    public NDList forward(NDManager manager, int[] rows, boolean training) {
        TokenBatch tokens = texts.batch(rows);
        NDList inputs = tokens.toNDList(manager);
        NDArray mask = inputs.get(1).toType(DataType.FLOAT32, false);
        ParameterStore store = new ParameterStore(manager, false);
        BertEncoderBlock block = encoder.block();
        NDArray lower = cache != null && allCached(rows) ? cache.batch(manager, rows, tokens.length())
                : block.lowerStates(store, inputs.get(0), inputs.get(2), mask);
        return block.upperForward(store, lower, mask, training);
    }

    private boolean allCached(int[] rows) {
        for (int row : rows) {
            if (!cache.contains(row)) {
                return false;
            }
        }
        return true;
    }

    /** Unit sentence vectors of {@code rows} (in that order), without gradients, in length-sorted batches. */
    public float[][] embed(int[] rows, int batchSize, TrainingMonitor monitor, String stage) {
        int hidden = encoder.config().hidden();
        float[][] out = new float[texts.size()][];
        List<int[]> batches = texts.sortedBatches(rows, batchSize);
        Djl.runWithoutGradients(() -> {
            long done = 0;
            for (int[] batch : batches) {
                monitor.checkCancelled(stage, done++);
                try (NDManager manager = encoder.model().getNDManager().newSubManager()) {
                    float[] flat = forward(manager, batch, false).get(0).toFloatArray();
                    for (int r = 0; r < batch.length; r++) {
                        out[batch[r]] = Arrays.copyOfRange(flat, r * hidden, (r + 1) * hidden);
                    }
                }
            }
        });
        float[][] ordered = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            ordered[i] = out[rows[i]];
        }
        return ordered;
    }
}
