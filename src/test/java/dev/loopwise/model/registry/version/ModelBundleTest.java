package dev.loopwise.model.registry.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.intent.IntentHead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Stored bundles stay readable: older ones without a format, ones with fields this code does not know, and newer ones refused clearly. */
class ModelBundleTest {
    private static final IntentHead HEAD = new IntentHead(IntentHead.TRAINED, List.of("a", "b"),
            new float[][] {{1, 0}, {0, 1}}, new float[] {0, 0}, 0.2, null);

    @Test
    void aBundleRoundTripsWithItsFormat() {
        ModelBundle bundle = new ModelBundle("enc@abc/mean", HEAD, null);
        byte[] bytes = bundle.toBytes();
        ModelBundle read = ModelBundle.fromBytes(bytes, Hashing.sha256Hex(bytes));
        assertEquals(ModelBundle.FORMAT, read.format());
        assertEquals(0.2, read.intent().threshold());
    }

    @Test
    void anOlderBundleWithoutFormatAndWithUnknownFieldsStillReads() throws IOException {
        byte[] stored = gzip("{\"encoderId\":\"enc@abc/mean\",\"retiredField\":[1,2],\"intent\":{\"regime\":\"trained\","
                + "\"labels\":[\"a\",\"b\"],\"weights\":[[1.0,0.0],[0.0,1.0]],\"bias\":[0.0,0.0],\"threshold\":0.3,"
                + "\"outOfScopeLabel\":null,\"calibration\":1.5},\"policy\":null}");
        ModelBundle read = ModelBundle.fromBytes(stored, Hashing.sha256Hex(stored));
        assertEquals(1, read.format());
        assertEquals("a", read.intent().predict(new float[] {1, 0}).label());
    }

    @Test
    void aBundleFromANewerLoopwiseIsRefusedWithAReason() throws IOException {
        byte[] stored = gzip("{\"format\":99,\"encoderId\":\"enc@abc/mean\",\"intent\":null,\"policy\":null}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModelBundle.fromBytes(stored, Hashing.sha256Hex(stored)));
        assertTrue(e.getMessage().contains("newer Loopwise"), e.getMessage());
    }

    private static byte[] gzip(String json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
