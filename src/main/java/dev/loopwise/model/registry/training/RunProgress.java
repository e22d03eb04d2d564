package dev.loopwise.model.registry.training;

import dev.loopwise.common.job.CancelRequest;
import java.util.concurrent.CancellationException;

/** A training run's progress, recorded at most about once a second, and its cancel requests, read as often. */
final class RunProgress implements ModelTrainer.Listener {
    private final long runId;
    private final CancelRequest cancelRequest;
    private long lastWrite;

    RunProgress(long runId) {
        this.runId = runId;
        this.cancelRequest = new CancelRequest(() -> TrainingRecords.cancelRequested(runId));
    }

    @Override
    public void step(String message, double done) {
        long now = System.nanoTime();
        if (now - lastWrite > 1_000_000_000L || done == 0 || lastWrite == 0) {
            lastWrite = now;
            TrainingRecords.progress(runId, message, done);
        }
        if (cancelled()) {
            throw new CancellationException("Training run " + runId + " was cancelled");
        }
    }

    @Override
    public boolean cancelled() {
        return cancelRequest.getAsBoolean();
    }
}
