package dev.loopwise.model.transformer.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.model.transformer.FloatTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored form of tuned layers: standard safetensors, versioned, content-addressed. */
class TunedEncoderWeightsTest {

    static TunedEncoderWeights sample() {
        Random random = new Random(7);
        Map<String, FloatTensor> tensors = new HashMap<>();
        for (int layer = 4; layer < 6; layer++) {
            for (String local : BertParameters.LAYER) {
                boolean matrix = local.endsWith("weight") && !local.contains("LayerNorm");
                long[] dims = matrix ? new long[] {3, 2} : new long[] {3};
                float[] values = new float[matrix ? 6 : 3];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextGaussian();
                }
                tensors.put(BertParameters.layerPrefix(layer) + local, new FloatTensor(dims, values));
            }
        }
        return new TunedEncoderWeights("all-MiniLM-L6-v2@abc", 4, 6, tensors);
    }

    @Test
    void roundTripKeepsTensorsMetadataAndBytes() throws Exception {
        TunedEncoderWeights weights = sample();
        byte[] bytes = weights.toBytes();
        TunedEncoderWeights back = TunedEncoderWeights.fromBytes(bytes);
        assertEquals(weights, back);
        assertArrayEquals(bytes, back.toBytes(), "the same contents always give the same bytes");

        // The header is plain safetensors: what Python's safetensors reads.
        long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, (8 + headerLength) % 8, "data starts 8-byte aligned");
        JsonNode header = new ObjectMapper().readTree(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8));
        assertEquals("1", header.path("__metadata__").path("format_version").asText());
        assertEquals("all-MiniLM-L6-v2@abc", header.path("__metadata__").path("base_encoder").asText());
        assertEquals("4", header.path("__metadata__").path("first_tuned_layer").asText());
        assertEquals("6", header.path("__metadata__").path("end_tuned_layer").asText());
        JsonNode query = header.path("encoder.layer.4.attention.self.query.weight");
        assertEquals("F32", query.path("dtype").asText());
        assertEquals("[3,2]", query.path("shape").toString());
        assertEquals(bytes.length - 8 - headerLength, header.properties().stream()
                .filter(e -> !e.getKey().equals("__metadata__"))
                .mapToLong(e -> e.getValue().path("data_offsets").path(1).asLong()).max().orElseThrow());
    }

    @Test
    void anotherFormatVersionIsRefusedClearly() {
        TunedEncoderWeights weights = sample();
        byte[] future = SafeTensors.write(weights.tensors(), Map.of("format", TunedEncoderWeights.FORMAT,
                "format_version", "2", "base_encoder", "x", "first_tuned_layer", "4", "end_tuned_layer", "6"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TunedEncoderWeights.fromBytes(future));
        assertEquals("Tuned-encoder file format version 2 is not supported; this Loopwise reads version 1",
                refused.getMessage());
        byte[] foreign = SafeTensors.write(weights.tensors(), Map.of("format", "pt"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TunedEncoderWeights.fromBytes(foreign))
                .getMessage().startsWith("Not a Loopwise tuned-encoder file"));
        assertThrows(IllegalArgumentException.class, () -> TunedEncoderWeights.fromBytes(new byte[] {1, 2, 3}));
    }

    @Test
    void storedFilesAreContentAddressed(@TempDir Path directory) throws Exception {
        TunedEncoderWeights weights = sample();
        Path stored = weights.store(directory);
        assertEquals(TunedEncoderWeights.sha256(Files.readAllBytes(stored)) + ".safetensors", stored.getFileName().toString());
        assertEquals(stored, weights.store(directory), "storing again is idempotent");
        assertEquals(weights, TunedEncoderWeights.load(stored));
        byte[] altered = Files.readAllBytes(stored);
        altered[altered.length - 1] ^= 1;
        Files.write(stored, altered);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TunedEncoderWeights.load(stored))
                .getMessage().contains("does not match its content address"));
    }

    @Test
    void tunedLayersAreCheckedAgainstTheirBase() {
        TunedEncoderWeights weights = sample();
        BertConfig config = new BertConfig(30522, 384, 6, 12, 1536, 512, 2, 1e-12f);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> weights.checkedAgainst("bge-small-en-v1.5@abc", config))
                .getMessage().contains("belong to the encoder all-MiniLM-L6-v2@abc"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> weights.checkedAgainst("all-MiniLM-L6-v2@abc", config))
                .getMessage().contains("does not have the base encoder's shape"));
    }
}
