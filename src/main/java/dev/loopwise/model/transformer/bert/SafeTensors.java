package dev.loopwise.model.transformer.bert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopwise.model.transformer.FloatTensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The safetensors format (Hugging Face): an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range plus a string-to-string {@code __metadata__} map, then the raw
 * little-endian data. Python's {@code safetensors.torch.load_file} reads what this writes. Written by
 * hand: the spec is a page long and no maintained Java library for it is on Maven Central. F32 only,
 * which is all the encoder tunes.
 */
public final class SafeTensors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METADATA = "__metadata__";

    /** Tensors and metadata of one file. */
    public record Contents(Map<String, FloatTensor> tensors, Map<String, String> metadata) {
    }

    private SafeTensors() {
    }

    /** Tensors in name order, so equal contents give equal bytes (and equal content addresses). */
    public static byte[] write(Map<String, FloatTensor> tensors, Map<String, String> metadata) {
        ObjectNode header = JSON.createObjectNode();
        ObjectNode meta = header.putObject(METADATA);
        new TreeMap<>(metadata).forEach(meta::put);
        Map<String, FloatTensor> sorted = new TreeMap<>(tensors);
        long offset = 0;
        for (Map.Entry<String, FloatTensor> entry : sorted.entrySet()) {
            ObjectNode info = header.putObject(entry.getKey());
            info.put("dtype", "F32");
            ArrayNode shape = info.putArray("shape");
            for (long dim : entry.getValue().dims()) {
                shape.add(dim);
            }
            long bytes = 4L * entry.getValue().values().length;
            info.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8; // the spec pads the header with spaces to 8-byte alignment
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (FloatTensor tensor : sorted.values()) {
            out.asFloatBuffer().put(tensor.values());
            out.position(out.position() + 4 * tensor.values().length);
        }
        return out.array();
    }

    public static Contents read(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 8) {
            throw new IllegalArgumentException("Not a safetensors file: " + file.length + " bytes");
        }
        long headerLength = in.getLong();
        if (headerLength <= 0 || headerLength > file.length - 8) {
            throw new IllegalArgumentException("Not a safetensors file: header length " + headerLength);
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(file, 8, (int) headerLength, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a safetensors file: the header is not JSON", e);
        }
        int dataStart = 8 + (int) headerLength;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = header.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals(METADATA)) {
                field.getValue().fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
                continue;
            }
            tensors.put(field.getKey(), tensor(field.getKey(), field.getValue(), in, dataStart, file.length));
        }
        return new Contents(tensors, metadata);
    }

    private static FloatTensor tensor(String name, JsonNode info, ByteBuffer in, int dataStart, int fileLength) {
        if (!"F32".equals(info.path("dtype").asText())) {
            throw new IllegalArgumentException("Tensor " + name + " is " + info.path("dtype").asText() + "; only F32 is read");
        }
        long[] dims = new long[info.path("shape").size()];
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            dims[i] = info.path("shape").get(i).asLong();
            count *= dims[i];
        }
        long begin = info.path("data_offsets").path(0).asLong(-1);
        long end = info.path("data_offsets").path(1).asLong(-1);
        if (begin < 0 || end - begin != 4 * count || dataStart + end > fileLength) {
            throw new IllegalArgumentException("Tensor " + name + " has inconsistent data offsets [" + begin + ", " + end + ")");
        }
        float[] values = new float[(int) count];
        in.duplicate().order(ByteOrder.LITTLE_ENDIAN).position((int) (dataStart + begin)).slice()
                .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return new FloatTensor(dims, values);
    }
}
