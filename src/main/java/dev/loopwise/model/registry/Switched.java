package dev.loopwise.model.registry;

import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.model.registry.version.ModelVersion;

/**
 * The line Models shows after Promote or Roll back. Without it a rollback landed on a list whose advice could still be
 * about the newer version ("roll back to v2 if customers need it"), and nothing said the press had done anything.
 */
final class Switched {
    private Switched() {
    }

    /**
     * What the press changed, or nothing when the address names no version or one that no longer answers (a bookmarked or
     * reloaded address after someone switched again): the line must not say a version serves when another does.
     */
    static String notice(String version, boolean back) {
        if (version == null || !version.matches("[0-9]{1,9}")) {
            return null;
        }
        int switched = Integer.parseInt(version);
        return ModelVersion.findActive().filter(active -> active.version == switched)
                .map(active -> LifecycleMessages.nowActive(switched, back)).orElse(null);
    }
}
