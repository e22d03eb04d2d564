package dev.loopwise.model.registry.training;

import dev.loopwise.common.config.DecimalRange;
import dev.loopwise.common.config.PositiveDuration;
import dev.loopwise.common.config.SettingRange;
import dev.loopwise.common.config.Share;
import dev.loopwise.common.config.Switch;
import dev.loopwise.model.intent.IntentRegime;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of training runs (environment: {@code LOOPWISE_MODEL_TRAINING_SEED}, ...). */
@ConfigMapping(prefix = "loopwise.model.training")
public interface TrainingConfig {
    /** Seed of every random choice in training, so the same data gives the same model. */
    @WithDefault("42")
    long seed();

    /**
     * Training examples of the typical (median) intent from which {@code auto} trains a linear head on frozen vectors (fewer:
     * prototypes; none: descriptions); in a fine-tune, the fewest per intent for cross-entropy (fewer: contrastive pairs).
     */
    @WithDefault("8")
    @WithConverter(SettingRange.CountOrZero.class)
    int minTrainedExamples();

    /**
     * With fewer than {@link dev.loopwise.model.OutOfScopeThreshold#MIN_OUT_OF_SCOPE_EXAMPLES} held-out out-of-scope examples
     * (too few to measure recall on), the threshold keeps this share of held-out in-scope tickets.
     */
    @WithDefault("0.98")
    @WithConverter(Share.Any.class)
    double retention();

    /**
     * With enough held-out out-of-scope examples (intent {@code oos}), the threshold maximises in-scope
     * accuracy + this × out-of-scope recall on held-out tickets: what catching one is worth.
     */
    @WithDefault("0.3")
    @WithConverter(DecimalRange.ZeroOrMore.class)
    double oosWeight();

    /**
     * Let {@code auto} fine-tune the encoder (with {@link #minFineTuneExamples()} per intent). Off by default: on the
     * public data sets measured, fine-tuning did not beat the frozen encoder everywhere (BENCHMARKS.md); the
     * {@code finetune} regime can always be chosen explicitly.
     */
    @WithDefault("false")
    @WithConverter(Switch.class)
    boolean autoFineTune();

    /** Fewest examples of every intent for which {@code auto} fine-tunes the encoder (see {@link IntentRegime#MIN_FINE_TUNE_EXAMPLES}). */
    @WithDefault("" + IntentRegime.MIN_FINE_TUNE_EXAMPLES)
    @WithConverter(SettingRange.CountOrZero.class)
    int minFineTuneExamples();

    /**
     * How long fine-tuning the encoder may take (ISO-8601, e.g. {@code PT5M}); unset: by data size, about
     * 3 minutes for 1,000 tickets and 15 for 15,000 on two cores.
     */
    Optional<@WithConverter(PositiveDuration.class) Duration> fineTuneBudget();

    /**
     * CPU threads a fine-tune of the encoder (intent fine-tune, cross-encoder reward model) uses; unset: every core.
     * Answers share those cores while it runs: 1 keeps their latency, at about 1.7× the fine-tune's time on 2 cores.
     */
    Optional<@WithConverter(SettingRange.Count.class) Integer> tuningThreads();

    /** Hidden units of the reply policy's scorer. */
    @WithDefault("32")
    @WithConverter(SettingRange.Count.class)
    int policyHidden();

    /** Passes over the training tickets when fitting the reply policy. */
    @WithDefault("15")
    @WithConverter(SettingRange.Count.class)
    int policyEpochs();

    /**
     * A running training whose instance has not refreshed its heartbeat for this long is failed by any instance:
     * its process died. Instances refresh it every 10 seconds, so keep it well above that.
     */
    @WithDefault("2m")
    @WithConverter(PositiveDuration.class)
    Duration heartbeatStaleness();
}
