package dev.loopwise.model.registry.version;

import dev.loopwise.common.config.SettingRange;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** Settings of stored model versions (environment: {@code LOOPWISE_MODEL_VERSIONS_KEEP_WEIGHTS}). */
@ConfigMapping(prefix = "loopwise.model.versions")
public interface VersionsConfig {
    /**
     * How many of the newest versions keep their weights, so that they can be promoted or rolled back to; older ones that
     * nothing needs lose them (their figures and history stay). The active version and the one that served before it,
     * candidates, versions reviewers compare, the versions of rounds in progress and the versions rounds hold their
     * candidates close to always keep theirs. 0 keeps every version's weights. Default 20.
     */
    @WithDefault("20")
    @WithConverter(SettingRange.Versions.class)
    int keepWeights();
}
