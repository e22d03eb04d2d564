package dev.loopwise.model.registry.training;

import dev.loopwise.model.transformer.tuning.TuningThreads;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Hands {@link TrainingConfig#tuningThreads()} to the fine-tunes, which run outside any bean. */
@ApplicationScoped
class TuningThreadsSetting {
    void onStart(@Observes StartupEvent event, TrainingConfig config) {
        config.tuningThreads().ifPresent(TuningThreads::configure);
    }
}
