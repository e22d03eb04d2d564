package dev.loopwise.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sealing the secrets Loopwise stores: what a database copy shows, and every way a stored value can fail to open. */
class StoredSecretsTest {
    private static final String SESSION_KEY = "a-session-key-of-at-least-thirty-two-chars";
    private static final String SECRET = "sk-live-0123456789abcdef";
    private final StoredSecrets secrets = new StoredSecrets(Optional.of(SESSION_KEY));

    @Test
    void aSealedValueShowsNothingOfTheSecretAndOpensAgain() {
        String sealed = secrets.seal(SECRET, "llm_settings.api_key");
        assertTrue(StoredSecrets.isSealed(sealed), sealed);
        assertFalse(sealed.contains("0123456789"), sealed);
        assertNotEquals(sealed, secrets.seal(SECRET, "llm_settings.api_key"), "a fresh nonce each time: equal keys look different");
        assertEquals(new StoredSecrets.Opened(SECRET, false), secrets.open(sealed, "llm_settings.api_key"));
        assertEquals(SECRET, new StoredSecrets(Optional.of(SESSION_KEY)).open(sealed, "llm_settings.api_key").value(),
                "another instance with the same session key opens it");
    }

    @Test
    void itDoesNotOpenUnderAnotherSessionKeyForAnotherPurposeOrDamaged() {
        String sealed = secrets.seal(SECRET, "llm_settings.api_key");
        StoredSecrets.Opened otherKey = new StoredSecrets(Optional.of(SESSION_KEY + "-rotated")).open(sealed, "llm_settings.api_key");
        assertTrue(otherKey.unreadable());
        assertNull(otherKey.value());
        assertTrue(secrets.open(sealed, "another.column").unreadable());
        // Damage a decoded byte: changing a base64 character near the end may only touch padding bits the decoder ignores.
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(StoredSecrets.PREFIX.length()));
        bytes[bytes.length / 2] ^= 0x01;
        String flipped = StoredSecrets.PREFIX + Base64.getEncoder().encodeToString(bytes);
        assertTrue(secrets.open(flipped, "llm_settings.api_key").unreadable());
        assertTrue(secrets.open(StoredSecrets.PREFIX + "not base64!", "llm_settings.api_key").unreadable());
        assertTrue(new StoredSecrets(Optional.empty()).open(sealed, "llm_settings.api_key").unreadable(),
                "without a session key a sealed value cannot be opened, nor mistaken for a key");
    }

    @Test
    void withoutASessionKeyOrForAValueStoredBeforeSealingTheValueIsAsGiven() {
        StoredSecrets demo = new StoredSecrets(Optional.empty());
        assertFalse(demo.sealing());
        assertEquals(SECRET, demo.seal(SECRET, "llm_settings.api_key"));
        assertFalse(new StoredSecrets(Optional.of("too-short")).sealing(), "a key too short to serve with seals nothing");
        assertEquals(new StoredSecrets.Opened(SECRET, false), secrets.open(SECRET, "llm_settings.api_key"));
        assertEquals(new StoredSecrets.Opened(null, false), secrets.open(null, "llm_settings.api_key"));
        assertNull(secrets.seal(null, "llm_settings.api_key"));
    }
}
