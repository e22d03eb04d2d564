package dev.loopwise.model.transformer;

/** Argument checks of the config records. */
final class Checks {
    private Checks() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
