package dev.loopwise.model.transformer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Tokenized texts padded to the longest in the batch, as the flat int64 arrays both engines take
 * (row-major [rows, length]). Plain Java data, so the same batch feeds PyTorch and ONNX Runtime.
 */
public record TokenBatch(long[] ids, long[] mask, long[] types, int rows, int length) {

    /**
     * A tokenizer that truncates to {@code maxTokens} (special tokens included) and does not pad: the
     * batch pads, to its own longest text only.
     */
    public static HuggingFaceTokenizer tokenizer(Path tokenizerJson, int maxTokens) {
        try {
            return HuggingFaceTokenizer.builder().optTokenizerPath(tokenizerJson).optMaxLength(maxTokens)
                    .optTruncation(true).optPadding(false).build();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load the tokenizer " + tokenizerJson, e);
        }
    }

    public static TokenBatch encode(HuggingFaceTokenizer tokenizer, List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int rows = encodings.length;
        int length = 1;
        for (Encoding encoding : encodings) {
            length = Math.max(length, encoding.getIds().length);
        }
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] types = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            long[] rowIds = encodings[r].getIds();
            long[] rowTypes = encodings[r].getTypeIds();
            for (int t = 0; t < rowIds.length; t++) {
                ids[r * length + t] = rowIds[t];
                mask[r * length + t] = 1;
                types[r * length + t] = rowTypes[t];
            }
        }
        return new TokenBatch(ids, mask, types, rows, length);
    }

    public long[] shape() {
        return new long[] {rows, length};
    }

    /** input_ids, attention_mask, token_type_ids as int64 NDArrays of {@code manager}'s engine. */
    public NDList toNDList(NDManager manager) {
        Shape shape = new Shape(rows, length);
        return new NDList(manager.create(ids, shape), manager.create(mask, shape), manager.create(types, shape));
    }
}
