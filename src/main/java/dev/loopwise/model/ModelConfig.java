package dev.loopwise.model;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Settings of the encoder and of training (environment: {@code LOOPWISE_MODEL_ENCODER_PATH}, ...). */
@ConfigMapping(prefix = "loopwise.model")
public interface ModelConfig {
    Encoder encoder();

    Training training();

    interface Encoder {
        /** A folder with model.onnx and tokenizer.json to use instead of the bundled all-MiniLM-L6-v2. */
        Optional<Path> path();

        /** Where the bundled encoder is unpacked. */
        @WithDefault("${user.home}/.loopwise/encoder")
        Path cacheDir();

        /** Longer texts are truncated to this many tokens. */
        @WithDefault("128")
        int maxTokens();

        /**
         * Texts per ONNX call. A larger batch (concurrent requests, a training set) is sorted by length and
         * split into calls of this size, so a long text pads only its few neighbours, not the whole batch.
         */
        @WithDefault("8")
        int batchSize();

        /** ONNX Runtime threads; 0 lets it use every core. */
        @WithDefault("0")
        int threads();
    }

    interface Training {
        /** Seed of every random choice in training, so the same data gives the same model. */
        @WithDefault("42")
        long seed();

        /** Fewest examples per intent for a trained head (fewer: prototypes; none: descriptions). */
        @WithDefault("8")
        int minTrainedExamples();

        /** Without out-of-scope examples, the threshold keeps this share of held-out in-scope tickets. */
        @WithDefault("0.98")
        double retention();

        /**
         * With out-of-scope examples in the workspace (intent {@code oos}), the threshold maximises in-scope
         * accuracy + this × out-of-scope recall on held-out tickets: what catching one is worth.
         */
        @WithDefault("0.3")
        double oosWeight();

        /** Hidden units of the reply policy's scorer. */
        @WithDefault("32")
        int policyHidden();

        /** Passes over the training tickets when fitting the reply policy. */
        @WithDefault("15")
        int policyEpochs();
    }
}
