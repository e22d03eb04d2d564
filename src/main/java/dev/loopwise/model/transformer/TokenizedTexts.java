package dev.loopwise.model.transformer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.loopwise.model.MiniBatches;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Texts tokenized once (truncated to the tokenizer's maximum, unpadded), from which any subset of rows
 * becomes a {@link TokenBatch} padded only to its own longest text.
 */
public final class TokenizedTexts {
    private final long[][] ids;
    private final long[][] types;

    private TokenizedTexts(long[][] ids, long[][] types) {
        this.ids = ids;
        this.types = types;
    }

    /** Tokenizes in chunks of 1,024 texts. */
    public static TokenizedTexts of(HuggingFaceTokenizer tokenizer, List<String> texts) {
        long[][] ids = new long[texts.size()][];
        long[][] types = new long[texts.size()][];
        for (int from = 0; from < texts.size(); from += 1024) {
            int to = Math.min(texts.size(), from + 1024);
            Encoding[] encodings = tokenizer.batchEncode(new ArrayList<>(texts.subList(from, to)));
            for (int i = 0; i < encodings.length; i++) {
                ids[from + i] = encodings[i].getIds();
                types[from + i] = encodings[i].getTypeIds();
            }
        }
        return new TokenizedTexts(ids, types);
    }

    /** Already tokenized rows (e.g. assembled ticket–reply pairs), unpadded. */
    public static TokenizedTexts of(long[][] ids, long[][] types) {
        return new TokenizedTexts(ids, types);
    }

    public int size() {
        return ids.length;
    }

    /** Tokens of one text, special tokens included. */
    public int length(int row) {
        return ids[row].length;
    }

    public long totalTokens(int[] rows) {
        long sum = 0;
        for (int row : rows) {
            sum += ids[row].length;
        }
        return sum;
    }

    /** The given rows, in that order, padded to the longest of them. */
    public TokenBatch batch(int[] rows) {
        int length = 1;
        for (int row : rows) {
            length = Math.max(length, ids[row].length);
        }
        long[] flatIds = new long[rows.length * length];
        long[] mask = new long[rows.length * length];
        long[] flatTypes = new long[rows.length * length];
        for (int r = 0; r < rows.length; r++) {
            long[] rowIds = ids[rows[r]];
            System.arraycopy(rowIds, 0, flatIds, r * length, rowIds.length);
            System.arraycopy(types[rows[r]], 0, flatTypes, r * length, rowIds.length);
            Arrays.fill(mask, r * length, r * length + rowIds.length, 1L);
        }
        return new TokenBatch(flatIds, mask, flatTypes, rows.length, length);
    }

    /** The rows sorted by length (stable), then cut into batches of at most {@code batchSize}: least padding. */
    public List<int[]> sortedBatches(int[] rows, int batchSize) {
        int[] sorted = Arrays.stream(rows).boxed()
                .sorted(Comparator.comparingInt(this::length)).mapToInt(Integer::intValue).toArray();
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < sorted.length; from += batchSize) {
            batches.add(Arrays.copyOfRange(sorted, from, Math.min(sorted.length, from + batchSize)));
        }
        return batches;
    }

    /**
     * Length-bucketed training batches: the rows are shuffled, cut into pools of {@code poolBatches}
     * batches, each pool sorted by length and cut into batches, and the batches shuffled. Texts of similar
     * length train together (little padding), while each epoch still mixes the data differently.
     */
    public List<int[]> bucketedBatches(int[] rows, int batchSize, int poolBatches, Random random) {
        int[] order = rows.clone();
        MiniBatches.shuffle(order, random);
        List<int[]> batches = new ArrayList<>();
        int pool = batchSize * Math.max(1, poolBatches);
        for (int from = 0; from < order.length; from += pool) {
            int[] chunk = Arrays.copyOfRange(order, from, Math.min(order.length, from + pool));
            batches.addAll(sortedBatches(chunk, batchSize));
        }
        Collections.shuffle(batches, random);
        return batches;
    }
}
