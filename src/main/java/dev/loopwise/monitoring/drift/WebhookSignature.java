package dev.loopwise.monitoring.drift;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Lets a receiver check that an alert came from this Loopwise and was not replayed: the signature covers the timestamp as
 * well as the body, so an old delivery sent again with a new timestamp no longer matches, and one with its own timestamp
 * is refused by a receiver that allows only a few minutes.
 */
final class WebhookSignature {
    static final String SIGNATURE_HEADER = "X-Loopwise-Signature";
    static final String TIMESTAMP_HEADER = "X-Loopwise-Timestamp";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** {@code sha256=} and the hex HMAC-SHA256, keyed by the secret, of the timestamp, a dot and the body. */
    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Every Java runtime must offer HmacSHA256, so this cannot happen on one that runs Loopwise.
            throw new IllegalStateException(e);
        }
    }
}
