package dev.loopwise.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.common.Hashing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Everything a model version serves with: the intent classifier and the reply policy, tied to the
 * encoder whose vectors they read — and, for versions made by an alignment round, the reward model
 * that round trained (it also tells review which tickets it is least sure about). Stored as gzipped JSON (exact for floats) with a SHA-256 checksum.
 */
public record ModelBundle(String encoderId, IntentHead intent, ReplyPolicy policy, ReplyPolicy reward) {
    public ModelBundle(String encoderId, IntentHead intent, ReplyPolicy policy) {
        this(encoderId, intent, policy, null);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            JSON.writeValue(gzip, this);
            gzip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads stored parameters, refusing them if they do not match their checksum. */
    public static ModelBundle fromBytes(byte[] bytes, String checksum) {
        if (!Hashing.sha256Hex(bytes).equals(checksum)) {
            throw new IllegalStateException("Model parameters do not match their checksum; refusing to load them");
        }
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return JSON.readValue(gzip, ModelBundle.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
