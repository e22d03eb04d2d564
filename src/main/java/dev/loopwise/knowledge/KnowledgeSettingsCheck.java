package dev.loopwise.knowledge;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;

/**
 * The knowledge base's settings that are each fine alone but not together, checked before any other start-up work of
 * Loopwise's own (loading encoders, scheduling jobs), though after the database is migrated; the start names the variable and its
 * value the same way as for every value a converter refuses.
 */
@ApplicationScoped
public class KnowledgeSettingsCheck {
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, KnowledgeConfig knowledge, Config config) {
        knowledge.checkTogether(overlapSet(config));
    }

    /** Whether the overlap comes from anywhere but the default declared on {@link KnowledgeConfig}. */
    public static boolean overlapSet(Config config) {
        return config.unwrap(SmallRyeConfig.class).getConfigValue(KnowledgeConfig.OVERLAP).getSourceOrdinal() > Integer.MIN_VALUE;
    }
}
