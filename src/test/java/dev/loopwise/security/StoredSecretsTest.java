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

    /** A fingerprint tells a changed secret from the same one, and only with the session key can one be made for a guess. */
    @Test
    void aFingerprintTellsAChangeAndNeedsTheSessionKeyToMake() {
        String print = secrets.fingerprint(SECRET, "llm api key");
        assertTrue(print.matches("[0-9a-f]{8}"), print);
        assertEquals(print, new StoredSecrets(Optional.of(SESSION_KEY)).fingerprint(SECRET, "llm api key"), "same key, same secret");
        assertNotEquals(print, secrets.fingerprint(SECRET + "-rotated", "llm api key"), "a changed secret shows");
        assertNotEquals(print, new StoredSecrets(Optional.of(SESSION_KEY + "-other")).fingerprint(SECRET, "llm api key"),
                "without this session key a guess cannot be checked against it");
        assertNotEquals(print, secrets.fingerprint(SECRET, "webhook secret"), "one purpose's print is not another's");
        assertEquals("set", new StoredSecrets(Optional.empty()).fingerprint(SECRET, "llm api key"), "the demo says only that one is set");
        assertNull(secrets.fingerprint("", "llm api key"));
        assertNull(secrets.fingerprint(null, "llm api key"));
    }
}
