package dev.loopwise.model.transformer.tuning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.loopwise.model.Djl;
import dev.loopwise.model.training.TrainingMonitor;
import dev.loopwise.model.training.TrainingProgress;
import dev.loopwise.model.transformer.TokenBatch;
import dev.loopwise.model.transformer.TokenizedTexts;
import dev.loopwise.model.transformer.bert.BertEncoder;
import java.util.List;
import java.util.Map;

/**
 * The hidden states entering the first trainable layer, computed once per text: the embeddings and
 * frozen layers below it never change during a fine-tune and run without dropout, so every epoch after
 * the first would recompute exactly these values. Stored unpadded per text as plain Java floats
 * ({@code tokens × hidden × 4} bytes each: about 0.3 GB for 18,000 short tickets), so the cache holds no
 * native memory and needs no closing.
 */
public final class LowerLayerCache {
    private final float[][] states;
    private final int hidden;

    private LowerLayerCache(float[][] states, int hidden) {
        this.states = states;
        this.hidden = hidden;
    }

    /** Bytes the cache would take for these rows. */
    public static long estimateBytes(TokenizedTexts texts, int[] rows, int hidden) {
        return texts.totalTokens(rows) * hidden * 4L;
    }

    /** Computes the states of {@code rows} (other rows stay uncached) in length-sorted batches. */
    static LowerLayerCache build(BertEncoder encoder, TokenizedTexts texts, int[] rows, int batchSize,
                                 TrainingMonitor monitor) {
        int hidden = encoder.config().hidden();
        float[][] states = new float[texts.size()][];
        List<int[]> batches = texts.sortedBatches(rows, batchSize);
        Djl.runWithoutGradients(() -> {
            long done = 0;
            for (int[] batch : batches) {
                monitor.checkCancelled("cache", done);
                TokenBatch tokens = texts.batch(batch);
                try (NDManager manager = encoder.model().getNDManager().newSubManager()) {
                    NDList inputs = tokens.toNDList(manager);
                    NDArray mask = inputs.get(1).toType(DataType.FLOAT32, false);
                    float[] flat = encoder.block().lowerStates(new ParameterStore(manager, false), inputs.get(0),
                            inputs.get(2), mask).toFloatArray();
                    for (int r = 0; r < batch.length; r++) {
                        int length = texts.length(batch[r]);
                        float[] row = new float[length * hidden];
                        System.arraycopy(flat, r * tokens.length() * hidden, row, 0, row.length);
                        states[batch[r]] = row;
                    }
                }
                done++;
                if (done % 20 == 0 || done == batches.size()) {
                    monitor.report(new TrainingProgress("cache", 0, 0, done, batches.size(), Map.of()));
                }
            }
        });
        return new LowerLayerCache(states, hidden);
    }

    boolean contains(int row) {
        return states[row] != null;
    }

    /** The cached states of {@code rows}, zero-padded to {@code length}: [rows, length, hidden]. */
    NDArray batch(NDManager manager, int[] rows, int length) {
        float[] flat = new float[rows.length * length * hidden];
        for (int r = 0; r < rows.length; r++) {
            float[] row = states[rows[r]];
            if (row == null) {
                throw new IllegalStateException("Row " + rows[r] + " is not in the cache");
            }
            System.arraycopy(row, 0, flat, r * length * hidden, row.length);
        }
        return manager.create(flat, new Shape(rows.length, length, hidden));
    }

    long bytes() {
        long sum = 0;
        for (float[] row : states) {
            sum += row == null ? 0 : row.length * 4L;
        }
        return sum;
    }
}
