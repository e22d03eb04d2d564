package dev.loopwise.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Failed sign-ins lock a username or an address for a while, within a window, and only then. */
class LoginThrottleTest {
    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final LoginThrottle throttle = new LoginThrottle(limits(3, 5), clock, metrics);

    @Test
    void usernameLocksAtTheLimitAndOpensAfterTheLockout() {
        throttle.failed("Alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.2");
        assertFalse(throttle.isUserLocked("alice"));
        throttle.failed("alice ", "10.0.0.3");
        assertTrue(throttle.isUserLocked("ALICE"), "case and spaces do not make a new username");
        assertFalse(throttle.isUserLocked("bob"));
        assertEquals(1.0, metrics.counter("loopwise.login.lockouts").count());

        throttle.failed("alice", "10.0.0.4");
        assertEquals(1.0, metrics.counter("loopwise.login.lockouts").count(), "guesses while locked do not lock again");
        clock.advance(Duration.ofMinutes(9));
        assertTrue(throttle.isUserLocked("alice"));
        clock.advance(Duration.ofMinutes(2));
        assertFalse(throttle.isUserLocked("alice"));
        throttle.failed("alice", "10.0.0.5");
        assertFalse(throttle.isUserLocked("alice"), "after a lockout the count starts again");
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        throttle.failed("carol", null);
        throttle.failed("carol", null);
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("carol", null);
        throttle.failed("carol", null);
        assertFalse(throttle.isUserLocked("carol"));
        throttle.failed("carol", null);
        assertTrue(throttle.isUserLocked("carol"));
    }

    @Test
    void successClearsTheUsernameButNotTheAddress() {
        throttle.failed("dave", "10.0.0.9");
        throttle.failed("dave", "10.0.0.9");
        throttle.succeeded("dave");
        throttle.failed("dave", "10.0.0.9");
        throttle.failed("dave", "10.0.0.9");
        assertFalse(throttle.isUserLocked("dave"));
        assertFalse(throttle.isAddressLocked("10.0.0.9"));
        throttle.failed("erin", "10.0.0.9");
        assertTrue(throttle.isAddressLocked("10.0.0.9"), "five failures from one address, whatever the names");
        assertFalse(throttle.isAddressLocked("10.0.0.10"));
        assertEquals(5.0, metrics.counter("loopwise.login.failures").count());
    }

    @Test
    void aNewPasswordLiftsTheLock() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("frank", null);
        }
        assertTrue(throttle.isUserLocked("frank"));
        throttle.forgive("frank");
        assertFalse(throttle.isUserLocked("frank"));
    }

    private static SecurityConfig.LoginLimits limits(int perUser, int perAddress) {
        return new SecurityConfig.LoginLimits() {
            public int maxFailuresPerUser() {
                return perUser;
            }

            public int maxFailuresPerAddress() {
                return perAddress;
            }

            public Duration window() {
                return Duration.ofMinutes(15);
            }

            public Duration lockout() {
                return Duration.ofMinutes(10);
            }
        };
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
