package dev.loopwise.demo;

import dev.loopwise.common.config.Switch;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The demo workspace. On in the {@code demo}, {@code dev} and {@code test} profiles only ({@code LOOPWISE_DEMO_ENABLED}). */
@ConfigMapping(prefix = "loopwise.demo")
public interface DemoConfig {
    /** Load the demo store's intents, tickets, replies and demo accounts at start (idempotent). */
    @WithDefault("false")
    @WithConverter(Switch.class)
    boolean enabled();

    /**
     * Import the demo store's help-centre articles into the knowledge base at start, while none of them is there
     * ({@code LOOPWISE_DEMO_KNOWLEDGE_ARTICLES}; off in tests, whose knowledge base starts empty).
     */
    @WithDefault("true")
    @WithConverter(Switch.class)
    boolean knowledgeArticles();

    /** The address printed for people to open; by default http://localhost and the HTTP port. */
    Optional<String> url();
}
