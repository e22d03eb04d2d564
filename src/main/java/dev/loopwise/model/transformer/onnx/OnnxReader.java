package dev.loopwise.model.transformer.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the parts of an ONNX {@code ModelProto} that weight mapping needs, straight off the wire format
 * with protobuf-java's {@link CodedInputStream}: generating classes from onnx.proto would add a build
 * step and hundreds of classes for the handful of fields used here. Field numbers are those of
 * onnx/onnx.proto (stable since IR version 3). The file is memory-mapped and tensor bytes stay views of
 * it; the mapping is released by the garbage collector once no tensor refers to it.
 */
public final class OnnxReader {
    private final ByteBuffer file;
    private final CodedInputStream in;

    private OnnxReader(ByteBuffer file) {
        this.file = file;
        this.in = CodedInputStream.newInstance(file.duplicate());
        in.setSizeLimit(Integer.MAX_VALUE);
    }

    public static OnnxGraph read(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return new OnnxReader(mapped).model(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the ONNX model " + path, e);
        }
    }

    private OnnxGraph model(Path path) throws IOException {
        OnnxGraph graph = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (WireFormat.getTagFieldNumber(tag) == 7) { // ModelProto.graph
                int limit = in.pushLimit(in.readRawVarint32());
                graph = graph();
                in.popLimit(limit);
            } else {
                in.skipField(tag);
            }
        }
        if (graph == null) {
            throw new IllegalArgumentException(path + " holds no ONNX graph");
        }
        return graph;
    }

    private OnnxGraph graph() throws IOException {
        List<OnnxNode> nodes = new ArrayList<>();
        List<OnnxTensorData> initializers = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field != 1 && field != 5 && field != 11 && field != 12) {
                in.skipField(tag);
                continue;
            }
            int limit = in.pushLimit(in.readRawVarint32());
            switch (field) {
                case 1 -> nodes.add(node());
                case 5 -> initializers.add(tensor());
                case 11 -> inputs.add(valueInfoName());
                default -> outputs.add(valueInfoName());
            }
            in.popLimit(limit);
        }
        return new OnnxGraph(initializers, nodes, inputs, outputs);
    }

    private String valueInfoName() throws IOException {
        String name = "";
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (WireFormat.getTagFieldNumber(tag) == 1) {
                name = in.readString();
            } else {
                in.skipField(tag);
            }
        }
        return name;
    }

    private OnnxNode node() throws IOException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        String name = "";
        String opType = "";
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> inputs.add(in.readString());
                case 2 -> outputs.add(in.readString());
                case 3 -> name = in.readString();
                case 4 -> opType = in.readString();
                case 5 -> {
                    int limit = in.pushLimit(in.readRawVarint32());
                    attribute(attributes);
                    in.popLimit(limit);
                }
                default -> in.skipField(tag);
            }
        }
        return new OnnxNode(name, opType, List.copyOf(inputs), List.copyOf(outputs), attributes);
    }

    private void attribute(Map<String, Object> attributes) throws IOException {
        String name = "";
        Object value = null;
        List<Long> ints = new ArrayList<>();
        List<Float> floats = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = in.readString();
                case 2 -> value = in.readFloat();
                case 3 -> value = in.readInt64();
                case 4 -> value = in.readBytes().toStringUtf8();
                case 5 -> {
                    int limit = in.pushLimit(in.readRawVarint32());
                    value = tensor();
                    in.popLimit(limit);
                }
                case 7 -> readRepeated(tag, () -> floats.add(in.readFloat()));
                case 8 -> readRepeated(tag, () -> ints.add(in.readInt64()));
                default -> in.skipField(tag);
            }
        }
        if (!ints.isEmpty()) {
            value = ints.stream().mapToLong(Long::longValue).toArray();
        } else if (!floats.isEmpty()) {
            float[] array = new float[floats.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = floats.get(i);
            }
            value = array;
        }
        if (value != null) {
            attributes.put(name, value);
        }
    }

    private OnnxTensorData tensor() throws IOException {
        List<Long> dims = new ArrayList<>();
        List<Float> floatData = new ArrayList<>();
        List<Long> intData = new ArrayList<>();
        String name = "";
        int dataType = 0;
        ByteBuffer raw = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> readRepeated(tag, () -> dims.add(in.readInt64()));
                case 2 -> dataType = in.readInt32();
                case 4 -> readRepeated(tag, () -> floatData.add(in.readFloat()));
                case 5 -> readRepeated(tag, () -> intData.add((long) in.readInt32()));
                case 7 -> readRepeated(tag, () -> intData.add(in.readInt64()));
                case 8 -> name = in.readString();
                case 9 -> {
                    int length = in.readRawVarint32();
                    int offset = in.getTotalBytesRead();
                    in.skipRawBytes(length);
                    raw = file.duplicate().position(offset).limit(offset + length).slice();
                }
                case 14 -> {
                    if (in.readEnum() == 1) {
                        throw new UnsupportedOperationException("ONNX tensor " + name + " keeps its data in an external"
                                + " file; only self-contained .onnx models are supported");
                    }
                }
                default -> in.skipField(tag);
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        return new OnnxTensorData(name, shape, dataType, raw != null ? raw : encode(dataType, floatData, intData));
    }

    /** Typed fields (float_data, int32_data, int64_data) re-encoded as raw little-endian bytes. */
    private static ByteBuffer encode(int dataType, List<Float> floats, List<Long> ints) {
        if (dataType == OnnxTensorData.FLOAT) {
            ByteBuffer buffer = ByteBuffer.allocate(floats.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
            floats.forEach(buffer::putFloat);
            return buffer.flip();
        }
        if (dataType == OnnxTensorData.INT32) {
            ByteBuffer buffer = ByteBuffer.allocate(ints.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
            ints.forEach(v -> buffer.putInt(v.intValue()));
            return buffer.flip();
        }
        ByteBuffer buffer = ByteBuffer.allocate(ints.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        ints.forEach(buffer::putLong);
        return buffer.flip();
    }

    private interface Reading {
        void run() throws IOException;
    }

    /** A repeated scalar field arrives packed (one length-delimited run) or one element per tag. */
    private void readRepeated(int tag, Reading element) throws IOException {
        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int limit = in.pushLimit(in.readRawVarint32());
            while (in.getBytesUntilLimit() > 0) {
                element.run();
            }
            in.popLimit(limit);
        } else {
            element.run();
        }
    }
}
