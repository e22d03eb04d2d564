package dev.loopwise.model.training;

import java.util.Map;

/**
 * One progress report of a fine-tuning run.
 *
 * @param stage   what the run is doing: {@code tokenize}, {@code cache}, {@code probe}, {@code finetune},
 *                {@code contrastive}, {@code head}, {@code threshold}
 * @param epoch   current epoch of the stage (1-based; 0 for stages without epochs)
 * @param epochs  planned epochs of the stage
 * @param step    optimizer steps (or batches) done in the stage
 * @param steps   planned steps (or batches) of the stage
 * @param metrics named like TRL's logs: {@code train/loss}, {@code train/learning_rate}, {@code eval/accuracy}, …
 */
public record TrainingProgress(String stage, int epoch, int epochs, long step, long steps, Map<String, Double> metrics) {
    public TrainingProgress {
        metrics = Map.copyOf(metrics);
    }

    /** Share of the stage done, in [0, 1]. */
    public double fraction() {
        return steps <= 0 ? 0 : Math.min(1.0, (double) step / steps);
    }
}
