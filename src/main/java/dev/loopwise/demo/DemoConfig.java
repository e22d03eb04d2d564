package dev.loopwise.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo workspace. On in the {@code demo}, {@code dev} and {@code test} profiles only ({@code LOOPWISE_DEMO_ENABLED}). */
@ConfigMapping(prefix = "loopwise.demo")
public interface DemoConfig {
    /** Load the demo store's intents, tickets, replies and demo accounts at start (idempotent). */
    @WithDefault("false")
    boolean enabled();

    /** The public address printed for people to open. */
    @WithDefault("http://localhost:8080")
    String url();
}
