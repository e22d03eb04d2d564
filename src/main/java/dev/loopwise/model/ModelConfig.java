package dev.loopwise.model;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Settings of the encoder and of training (environment: {@code LOOPWISE_MODEL_ENCODER_NAME}, ...). */
@ConfigMapping(prefix = "loopwise.model")
public interface ModelConfig {
    Encoder encoder();

    Training training();

    interface Encoder {
        /**
         * The workspace's encoder, {@code NAME|DIR}: a name from {@link EncoderCatalogue} or a folder with model.onnx
         * and tokenizer.json. New versions are trained on it; every version keeps being served by its own.
         */
        @WithDefault(EncoderCatalogue.DEFAULT_NAME)
        String name();

        /** The older way to name a folder encoder; when set it wins over {@link #name()}. */
        Optional<Path> path();

        /** Pool this way instead of as the encoder was trained ({@code mean} or {@code cls}); for experiments. */
        Optional<String> pooling();

        /**
         * Encoders kept loaded at once (the workspace's, the active version's, a candidate's under review);
         * the least recently used idle one is closed beyond this. Each fp32 encoder holds 100–200 MB.
         */
        @WithDefault("2")
        int maxLoaded();

        /** Where catalogue encoders are unpacked. */
        @WithDefault("${user.home}/.loopwise/encoder")
        Path cacheDir();

        /** Longer texts are truncated to this many tokens (at most the encoder's own limit). Part of the encoder id when not 128. */
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

        /**
         * Let {@code auto} fine-tune the encoder (with {@link #minFineTuneExamples()} per intent). Off by default: on the
         * public data sets measured, fine-tuning did not beat the frozen encoder everywhere (BENCHMARKS.md); the
         * {@code finetune} regime can always be chosen explicitly.
         */
        @WithDefault("false")
        boolean autoFineTune();

        /** Fewest examples of every intent for which {@code auto} fine-tunes the encoder (see {@link IntentRegime#MIN_FINE_TUNE_EXAMPLES}). */
        @WithDefault("" + IntentRegime.MIN_FINE_TUNE_EXAMPLES)
        int minFineTuneExamples();

        /**
         * How long fine-tuning the encoder may take (ISO-8601, e.g. {@code PT5M}); unset: by data size, about
         * 3 minutes for 1,000 tickets and 15 for 15,000 on two cores.
         */
        Optional<java.time.Duration> fineTuneBudget();

        /** Hidden units of the reply policy's scorer. */
        @WithDefault("32")
        int policyHidden();

        /** Passes over the training tickets when fitting the reply policy. */
        @WithDefault("15")
        int policyEpochs();
    }
}
