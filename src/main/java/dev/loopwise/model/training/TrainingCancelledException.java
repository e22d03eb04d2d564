package dev.loopwise.model.training;

import java.util.concurrent.CancellationException;

/**
 * A training run stopped because its caller asked it to (the cancel flag was seen between two steps).
 * Every native object of the run is closed before this is thrown, and a trainer never writes files, so
 * nothing half-written remains.
 */
public final class TrainingCancelledException extends CancellationException {
    public TrainingCancelledException(String stage, long step) {
        super("Training was cancelled during " + stage + " after " + step + " steps");
    }
}
