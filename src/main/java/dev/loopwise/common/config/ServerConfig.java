package dev.loopwise.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The settings application.properties hands to Quarkus ({@code LOOPWISE_PORT}, {@code LOOPWISE_DB_POOL_SIZE}, ...), read
 * here too only to be checked when Loopwise starts, with the other settings: Quarkus takes a port of -1 for any free port
 * without a word, stops with a long trace at 70000 or at a pool of 0 connections, and a session timeout of 0 ends every
 * session at once. Nothing reads these values; Quarkus uses its own (the defaults repeat application.properties').
 */
@ConfigMapping(prefix = "loopwise")
public interface ServerConfig {
    /** {@code LOOPWISE_PORT}. */
    @WithDefault("8080")
    @WithConverter(SettingRange.Port.class)
    int port();

    /** {@code LOOPWISE_MAX_BODY_SIZE}. */
    @WithDefault("10M")
    @WithConverter(BodySize.class)
    String maxBodySize();

    /** {@code LOOPWISE_BEHIND_PROXY}: Quarkus reads a mistyped word as false, leaving the proxy's headers unread. */
    @WithDefault("false")
    @WithConverter(Switch.class)
    boolean behindProxy();

    /** {@code LOOPWISE_DB_*}. */
    Db db();

    /** {@code LOOPWISE_SESSION_*}. */
    Session session();

    interface Db {
        /** {@code LOOPWISE_DB_POOL_SIZE}. */
        @WithDefault("20")
        @WithConverter(SettingRange.Pool.class)
        int poolSize();
    }

    interface Session {
        /** {@code LOOPWISE_SESSION_TIMEOUT}. */
        @WithDefault("PT30M")
        @WithConverter(PositiveDuration.class)
        Duration timeout();
    }
}
