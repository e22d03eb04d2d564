package dev.loopwise.security;

import dev.loopwise.common.StartMessages;
import dev.loopwise.common.config.NonNegativeDuration;
import dev.loopwise.common.config.PositiveDuration;
import dev.loopwise.common.config.SettingRange;
import dev.loopwise.common.config.Switch;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of accounts and sign-in. Each can be set by environment variable, e.g. {@code LOOPWISE_SECURITY_ADMIN_PASSWORD}. */
@ConfigMapping(prefix = "loopwise.security")
public interface SecurityConfig {
    /** Username of the first admin, created at start when no admin exists yet. */
    @WithDefault("admin")
    String adminUsername();

    /** Password of that first admin. Without it, no admin is created: there is no default password outside demo mode. */
    Optional<String> adminPassword();

    /** Shortest password accepted for new accounts. */
    @WithDefault("10")
    @WithConverter(SettingRange.Count.class)
    int minPasswordLength();

    /**
     * {@link #minPasswordLength()} for the command line's direct path, which runs before the configuration is built:
     * the system property, else the environment variable, else the default declared above.
     */
    static int minPasswordLengthBeforeStart() {
        String property = "loopwise.security.min-password-length";
        String value = System.getProperty(property, System.getenv("LOOPWISE_SECURITY_MIN_PASSWORD_LENGTH"));
        if (value == null || value.isBlank()) {
            try {
                return Integer.parseInt(SecurityConfig.class.getMethod("minPasswordLength").getAnnotation(WithDefault.class).value());
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return new SettingRange.Count().convert(value);
        } catch (IllegalArgumentException e) {
            // The started application refuses it in these words; 'abc' here was a stack trace, and 0 took any password.
            String setting = System.getProperty(property) != null ? property : "LOOPWISE_SECURITY_MIN_PASSWORD_LENGTH";
            throw new IllegalArgumentException(StartMessages.badSetting(setting, value, e.getMessage()));
        }
    }

    /**
     * Browser origins, besides this server's own address, from which forms may be sent — e.g.
     * {@code https://support.example.com} when a proxy rewrites the Host header. Comma-separated.
     */
    Optional<List<String>> allowedOrigins();

    /**
     * The service is reached over HTTPS (directly, or behind a TLS-terminating proxy): every cookie gets
     * {@code Secure} and responses carry HSTS. Off by default so that plain-HTTP local use keeps working.
     */
    @WithDefault("false")
    @WithConverter(Switch.class)
    boolean tls();

    /**
     * Leave {@code /q/metrics}, {@code /q/openapi} and {@code /q/swagger-ui} open to anyone who can reach
     * the port. Off by default: they are for admins (an admin's API key, e.g. a Prometheus bearer token,
     * or an admin's browser session). Health checks stay open either way.
     */
    @WithDefault("false")
    @WithConverter(Switch.class)
    boolean managementOpen();

    /**
     * A browser session ends this long after its sign-in, however busy it is: a copied session cookie cannot be
     * kept alive for ever by using it. Inactivity ends a session sooner ({@code LOOPWISE_SESSION_TIMEOUT}).
     */
    @WithDefault("PT12H")
    @WithConverter(PositiveDuration.class)
    Duration sessionLifetime();

    /** Limits on API keys. */
    ApiLimits api();

    interface ApiLimits {
        /**
         * Requests per minute one API key may make, counted in PostgreSQL across instances; beyond it the
         * caller gets 429 with Retry-After. A key may carry its own limit instead; 0 means no limit.
         */
        @WithDefault("600")
        @WithConverter(SettingRange.CountOrZero.class)
        int requestsPerMinute();
    }

    /** Guessing passwords: how many failed sign-ins are allowed before Loopwise stops trying. */
    LoginLimits login();

    interface LoginLimits {
        /** Failed sign-ins for one username within {@link #window()} before that username is locked. */
        @WithDefault("5")
        @WithConverter(SettingRange.Count.class)
        int maxFailuresPerUser();

        /**
         * Failed sign-ins from one client address within {@link #window()} before that address is locked.
         * Behind a reverse proxy, set {@code LOOPWISE_BEHIND_PROXY=true} and {@code LOOPWISE_TRUSTED_PROXIES} so the
         * address is the client's, not the proxy's ({@link ProxyTrust}); the proxy must replace the client's own X-Forwarded-For, whose
         * first address is the one read.
         */
        @WithDefault("20")
        @WithConverter(SettingRange.Count.class)
        int maxFailuresPerAddress();

        /** How far back failures count. */
        @WithDefault("PT15M")
        @WithConverter(PositiveDuration.class)
        Duration window();

        /** How long a locked username or address is refused without checking its password. */
        @WithDefault("PT15M")
        @WithConverter(PositiveDuration.class)
        Duration lockout();

        /**
         * For how long after a successful sign-in its address stays trusted for that account: a lock on the
         * account (from someone else's guesses) does not apply there, so nobody can lock the owner out.
         */
        @WithDefault("P30D")
        @WithConverter(NonNegativeDuration.class)
        Duration trustPeriod();
    }
}
