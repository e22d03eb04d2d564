package dev.loopwise.model.transformer.tuning;

import dev.loopwise.model.training.TrainingProgress;
import java.util.Map;

/**
 * What a fine-tune will do, decided before it starts from the data's size and the time budget.
 *
 * @param trainableLayers  top layers whose weights change
 * @param epochs           planned epochs (the learning-rate schedule decays to zero at their end)
 * @param cacheLowerLayers the frozen layers run once per text, not once per epoch
 * @param estimatedSeconds the planner's estimate for the whole run on an unshared machine
 * @param budgetSeconds    the time budget the run stops at
 */
public record FineTunePlan(int trainableLayers, int epochs, boolean cacheLowerLayers, double estimatedSeconds,
                           double budgetSeconds) {
    /** The plan as the first progress report of a run, so its log and progress bar say what it will do. */
    TrainingProgress progress() {
        return new TrainingProgress("plan", 0, epochs, 0, 0, Map.of("plan/trainable_layers", (double) trainableLayers,
                "plan/epochs", (double) epochs, "plan/estimated_s", estimatedSeconds, "plan/budget_s", budgetSeconds));
    }
}
