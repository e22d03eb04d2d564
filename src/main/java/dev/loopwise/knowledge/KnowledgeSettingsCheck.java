package dev.loopwise.knowledge;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * The knowledge base's settings that are each fine alone but not together, checked before the start reads the database or
 * takes the port, like every value a converter refuses; the start names the variable and its value the same way.
 */
@ApplicationScoped
public class KnowledgeSettingsCheck {
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, KnowledgeConfig knowledge) {
        knowledge.checkTogether();
    }
}
