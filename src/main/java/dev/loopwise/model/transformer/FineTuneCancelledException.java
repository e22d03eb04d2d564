package dev.loopwise.model.transformer;

import java.util.concurrent.CancellationException;

/**
 * A fine-tuning run stopped because its caller asked it to (the cancel flag was seen between two steps).
 * Every native object of the run is closed before this is thrown, and a trainer never writes files, so
 * nothing half-written remains.
 */
public final class FineTuneCancelledException extends CancellationException {
    public FineTuneCancelledException(String stage, long step) {
        super("Fine-tuning was cancelled during " + stage + " after " + step + " steps");
    }
}
