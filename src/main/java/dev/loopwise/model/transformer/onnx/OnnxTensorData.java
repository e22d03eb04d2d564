package dev.loopwise.model.transformer.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One tensor stored in an ONNX file (an initializer or a Constant node's value). The bytes stay a view
 * of the memory-mapped file until someone asks for numbers, so reading a 130 MB encoder costs no copy.
 *
 * @param data little-endian values in ONNX's row-major layout (raw_data as stored, or float_data /
 *             int64_data re-encoded the same way)
 */
public record OnnxTensorData(String name, long[] dims, int dataType, ByteBuffer data) {
    /** ONNX {@code TensorProto.DataType} codes this code base reads. */
    public static final int FLOAT = 1;
    public static final int INT32 = 6;
    public static final int INT64 = 7;

    public OnnxTensorData {
        data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    public long elementCount() {
        long count = 1;
        for (long dim : dims) {
            count *= dim;
        }
        return count;
    }

    public float[] floats() {
        require(FLOAT);
        float[] values = new float[Math.toIntExact(elementCount())];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    /** Integer values of an INT64 or INT32 tensor (shapes and axes in Reshape / Concat constants). */
    public long[] longs() {
        long[] values = new long[Math.toIntExact(elementCount())];
        ByteBuffer view = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (dataType == INT64) {
            view.asLongBuffer().get(values);
        } else if (dataType == INT32) {
            for (int i = 0; i < values.length; i++) {
                values[i] = view.getInt(i * 4);
            }
        } else {
            require(INT64);
        }
        return values;
    }

    private void require(int wanted) {
        if (dataType != wanted) {
            throw new IllegalStateException("ONNX tensor " + name + " has data type " + dataType + ", not " + wanted);
        }
    }

    @Override
    public String toString() {
        return name + Arrays.toString(dims) + " type " + dataType;
    }
}
