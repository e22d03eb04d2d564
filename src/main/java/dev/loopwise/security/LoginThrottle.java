package dev.loopwise.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per username and per client address and locks either once it has failed too
 * often within the window. A locked username is refused before its bcrypt hash is even checked, so an
 * attacker learns nothing more from further guesses. Counts live in memory: each instance throttles on
 * its own, and a restart forgives.
 */
@ApplicationScoped
public class LoginThrottle {
    /** Beyond this many tracked names or addresses, expired entries are dropped so guesses cannot fill memory. */
    private static final int PRUNE_ABOVE = 10_000;

    private record Failures(int count, Instant firstAt, Instant lockedUntil) {
    }

    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final SecurityConfig.LoginLimits limits;
    private final Clock clock;
    private final MeterRegistry metrics;

    @Inject
    LoginThrottle(SecurityConfig config, MeterRegistry metrics) {
        this(config.login(), Clock.systemUTC(), metrics);
    }

    LoginThrottle(SecurityConfig.LoginLimits limits, Clock clock, MeterRegistry metrics) {
        this.limits = limits;
        this.clock = clock;
        this.metrics = metrics;
    }

    public boolean isUserLocked(String username) {
        return username != null && locked(byUser.get(key(username)));
    }

    public boolean isAddressLocked(String address) {
        return address != null && locked(byAddress.get(address));
    }

    public void failed(String username, String address) {
        Counter.builder("loopwise.login.failures").description("Failed sign-ins").register(metrics).increment();
        if (username != null) {
            count(byUser, key(username), limits.maxFailuresPerUser());
        }
        if (address != null) {
            count(byAddress, address, limits.maxFailuresPerAddress());
        }
    }

    /** The address keeps its count: one valid account must not let a guesser start over. */
    public void succeeded(String username) {
        if (username != null) {
            byUser.remove(key(username));
        }
    }

    /** A new password ends the lock: the admin who set it has vouched for the person. */
    public void forgive(String username) {
        succeeded(username);
    }

    public long lockoutMinutes() {
        return Math.max(1, limits.lockout().toMinutes());
    }

    private void count(Map<String, Failures> counts, String key, int max) {
        Instant now = clock.instant();
        boolean[] lockedNow = {false};
        counts.compute(key, (k, before) -> {
            if (locked(before)) {
                return before;
            }
            boolean fresh = before == null || before.lockedUntil != null
                    || Duration.between(before.firstAt, now).compareTo(limits.window()) > 0;
            int count = fresh ? 1 : before.count + 1;
            Instant firstAt = fresh ? now : before.firstAt;
            lockedNow[0] = count >= max;
            return new Failures(count, firstAt, lockedNow[0] ? now.plus(limits.lockout()) : null);
        });
        if (lockedNow[0]) {
            Counter.builder("loopwise.login.lockouts").description("Usernames and addresses locked after too many failed sign-ins")
                    .register(metrics).increment();
        }
        if (counts.size() > PRUNE_ABOVE) {
            counts.values().removeIf(f -> !locked(f) && Duration.between(f.firstAt, now).compareTo(limits.window()) > 0);
        }
    }

    private boolean locked(Failures failures) {
        return failures != null && failures.lockedUntil != null && clock.instant().isBefore(failures.lockedUntil);
    }

    private static String key(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }
}
