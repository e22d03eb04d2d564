package dev.loopwise.model.registry;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to starting a training: the run to follow. */
@Schema(name = "TrainingStarted", description = "The training is queued; follow it at /api/v1/training-runs/{runId}")
public record TrainingStarted(@Schema(description = "The training run's id, for /api/v1/training-runs/{runId}") long runId) {
}
