package dev.loopwise.model.encoder;

import java.nio.file.Path;
import java.util.Optional;

/** Encoder settings for the command line, which reads the same environment variables as the service. */
final class EncoderSettings {
    private EncoderSettings() {
    }

    static Path cacheDirectory() {
        String configured = System.getenv("LOOPWISE_ENCODER_CACHE_DIR");
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".loopwise", "encoder") : Path.of(configured);
    }

    /** The workspace's encoder ({@code LOOPWISE_MODEL_ENCODER_NAME}, or the older {@code LOOPWISE_MODEL_ENCODER_PATH}), else the default. */
    static String workspaceEncoder() {
        return env("LOOPWISE_MODEL_ENCODER_PATH").or(() -> env("LOOPWISE_MODEL_ENCODER_NAME")).orElse(EncoderCatalogue.DEFAULT_NAME);
    }

    /** The variable {@link #workspaceEncoder} took its value from. */
    static String workspaceEncoderVariable() {
        return env("LOOPWISE_MODEL_ENCODER_PATH").isPresent() ? "LOOPWISE_MODEL_ENCODER_PATH" : "LOOPWISE_MODEL_ENCODER_NAME";
    }

    static int maxTokens() {
        return env("LOOPWISE_MODEL_ENCODER_MAX_TOKENS").map(Integer::parseInt).orElse(EncoderSpec.DEFAULT_MAX_TOKENS);
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
