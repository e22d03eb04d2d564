package dev.loopwise.model;

import java.nio.file.Path;

/** Encoder locations for the command line, which reads the same environment variables as the service. */
final class EncoderSettings {
    private EncoderSettings() {
    }

    static Path cacheDirectory() {
        String configured = System.getenv("LOOPWISE_ENCODER_CACHE_DIR");
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".loopwise", "encoder") : Path.of(configured);
    }
}
