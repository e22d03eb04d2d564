package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The stand-in's rate-limit mode admits so many requests each second and refuses the rest, counted. */
class StandInRateLimitTest {
    @Test
    void beyondTheLimitOfASecondRequestsAreRefusedUntilTheNext() {
        StandInRateLimit limit = new StandInRateLimit(2);
        assertTrue(limit.admit(10_000));
        assertTrue(limit.admit(10_400));
        assertFalse(limit.admit(10_999));
        assertFalse(limit.admit(10_999));
        assertTrue(limit.admit(11_000), "a new second starts a new count");
        assertEquals(2, limit.refused());
    }

    @Test
    void noLimitAdmitsEveryRequest() {
        StandInRateLimit limit = new StandInRateLimit(0);
        for (int i = 0; i < 1000; i++) {
            assertTrue(limit.admit(10_000));
        }
        assertEquals(0, limit.refused());
    }
}
