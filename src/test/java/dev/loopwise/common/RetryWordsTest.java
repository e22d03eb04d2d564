package dev.loopwise.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A refusal for too many requests says when to try again in words, from the Retry-After seconds, never too early. */
class RetryWordsTest {

    @Test
    void shortWaitsReadInSecondsLongerOnesInMinutesRoundedUp() {
        assertEquals("about 1 second", HttpMessages.about(1));
        assertEquals("about 1 second", HttpMessages.about(0));
        assertEquals("about 42 seconds", HttpMessages.about(42));
        assertEquals("about 89 seconds", HttpMessages.about(89));
        assertEquals("about 2 minutes", HttpMessages.about(90));
        assertEquals("about 15 minutes", HttpMessages.about(900));
        assertEquals("about 15 minutes", HttpMessages.about(841));
    }

    @Test
    void theSignInAndTheApiKeyRefusalsSayWhen() {
        assertTrue(Messages.loginLocked(600).startsWith("Too many failed sign-ins: try again in about 10 minutes"), Messages.loginLocked(600));
        assertTrue(HttpMessages.rateLimited(3, 17).contains("try again in about 17 seconds"), HttpMessages.rateLimited(3, 17));
    }
}
