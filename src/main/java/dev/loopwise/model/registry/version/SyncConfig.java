package dev.loopwise.model.registry.version;

import dev.loopwise.common.config.PositiveDuration;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How each instance's serving copy of the active version keeps up with what other instances changed. */
@ConfigMapping(prefix = "loopwise.model")
public interface SyncConfig {
    /**
     * How often an instance checks for changed replies and, should a notification have been missed, a newly active
     * version (read by that job's schedule; mapped here so that a value of zero or less stops the start, naming it).
     */
    @WithDefault("5s")
    @WithConverter(PositiveDuration.class)
    Duration syncInterval();
}
