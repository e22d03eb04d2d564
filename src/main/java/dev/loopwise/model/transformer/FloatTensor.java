package dev.loopwise.model.transformer;

import java.util.Arrays;

/** A float32 tensor handed between engines and files as plain Java data (row-major). */
public record FloatTensor(long[] dims, float[] values) {
    public FloatTensor {
        long count = 1;
        for (long dim : dims) {
            count *= dim;
        }
        if (count != values.length) {
            throw new IllegalArgumentException("Shape " + Arrays.toString(dims) + " needs " + count + " values, not "
                    + values.length);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FloatTensor tensor && Arrays.equals(dims, tensor.dims)
                && Arrays.equals(values, tensor.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dims) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(dims);
    }
}
