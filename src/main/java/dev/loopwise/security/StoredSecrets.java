package dev.loopwise.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Secrets Loopwise keeps to call other systems (the team's LLM key) are stored sealed with AES-256-GCM, under a key derived
 * from the session key: a copy of the database — a backup, a dump handed to someone for a bug report — then does not
 * carry them in clear. The session key is already the one secret that every instance shares and that PostgreSQL never
 * sees. Without a configured session key (only the demo runs without one) nothing outlives the process to derive from,
 * so values are stored as given; values stored before sealing existed are read as they are and sealed when next saved.
 */
@ApplicationScoped
public class StoredSecrets {
    static final String PREFIX = "sealed1.";
    private static final int MIN_KEY_LENGTH = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public StoredSecrets(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        key = sessionKey.filter(k -> k.length() >= MIN_KEY_LENGTH).map(StoredSecrets::derive).orElse(null);
    }

    /** What a stored value holds: the secret, or nothing with {@code unreadable} when it was sealed under another key. */
    public record Opened(String value, boolean unreadable) {
    }

    /** Whether values are sealed here (a session key is configured). */
    public boolean sealing() {
        return key != null;
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /**
     * @param purpose what the value is (the column it goes to): a value sealed for one purpose does not open for another
     */
    public String seal(String value, String purpose) {
        if (value == null || key == null) {
            return value;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    public Opened open(String stored, String purpose) {
        if (!isSealed(stored)) {
            return new Opened(stored, false);
        }
        if (key == null) {
            return new Opened(null, true);
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new Opened(new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8), false);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new Opened(null, true); // another session key, or a value damaged in the database
        }
    }

    /**
     * Eight hex digits that tell whether a secret changed, without letting anyone who reads them check a guess: an HMAC under
     * the sealing key, so only an instance holding the session key can make one. Without a session key (the demo) it says
     * only whether a value is set. Null for no value.
     */
    public String fingerprint(String value, String purpose) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (key == null) {
            return "set";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            mac.update((purpose + '\u0000').getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** HMAC-SHA256 of a fixed label under the session key: the sealing key is not the key that encrypts cookies. */
    private static SecretKeySpec derive(String sessionKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal("loopwise stored secrets v1".getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
