package dev.loopwise.model.registry;

import dev.loopwise.model.intent.IntentRegime;
import dev.loopwise.model.registry.training.TrainingRun;
import java.util.List;

/**
 * The choice "How to learn" shows: the one the training the page follows was started with, so that a fine-tune just
 * started does not read as automatic, and a failed one is tried again as it was; automatic before any training.
 */
public record RegimeChoice(String value) {
    static RegimeChoice of(List<TrainingRun> followedFirst) {
        Object regime = followedFirst.isEmpty() || followedFirst.get(0).settings == null ? null
                : followedFirst.get(0).settings.get("regime");
        return new RegimeChoice(regime instanceof String name ? name : IntentRegime.AUTO);
    }

    public boolean is(String option) {
        return value.equals(option);
    }
}
