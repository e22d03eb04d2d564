package dev.loopwise.model.registry.version;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.intent.IntentHead;
import dev.loopwise.model.policy.ReplyPolicy;
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
 *
 * <p>The stored form carries {@code format} so that a stored version stays readable as the code changes: a
 * renamed field keeps its old name as a {@link com.fasterxml.jackson.annotation.JsonAlias} on the component,
 * fields this code does not know are ignored, and a format newer than this code's is refused with a clear message.
 * Bundles stored before the field existed read as format 1.
 */
public record ModelBundle(int format, String encoderId, IntentHead intent, ReplyPolicy policy, ReplyPolicy reward) {
    /** Version of the stored form written now. */
    public static final int FORMAT = 2;

    public ModelBundle {
        format = format == 0 ? 1 : format;
        if (format > FORMAT) {
            throw new IllegalStateException("This model version was stored by a newer Loopwise (bundle format " + format
                    + ", this one reads up to " + FORMAT + "): upgrade Loopwise to serve it.");
        }
    }

    public ModelBundle(String encoderId, IntentHead intent, ReplyPolicy policy, ReplyPolicy reward) {
        this(FORMAT, encoderId, intent, policy, reward);
    }

    public ModelBundle(String encoderId, IntentHead intent, ReplyPolicy policy) {
        this(FORMAT, encoderId, intent, policy, null);
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
            return JSON.readerFor(ModelBundle.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(gzip);
        } catch (ValueInstantiationException e) {
            throw e.getCause() instanceof IllegalStateException refusal ? refusal : new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
