package dev.loopwise.common.runtime;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The launcher's training run for the JVM's ahead-of-time cache (JDK 25 and later) starts the service as a real
 * start would (migrations checked, persistence and encoder loaded, active version read) and then stops: what that
 * start loaded, linked and profiled is what the cache keeps for every later start. Asked for with the system
 * property {@code loopwise.exit-after-start}; the launcher also halts the schedulers so that no job runs.
 */
@ApplicationScoped
public class ExitAfterStart {
    static final String PROPERTY = "loopwise.exit-after-start";

    // After every other start-up observer (the demo's first training has priority 200).
    void onStart(@Observes @Priority(10_000) StartupEvent event) {
        if (Boolean.getBoolean(PROPERTY)) {
            Quarkus.asyncExit();
        }
    }
}
