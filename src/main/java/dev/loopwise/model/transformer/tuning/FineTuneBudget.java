package dev.loopwise.model.transformer.tuning;

import dev.loopwise.model.transformer.bert.BertConfig;
import java.time.Duration;

/**
 * Plans a fine-tune to fit its time budget before it starts, from the data's token counts and a fixed
 * cost model (not a measurement, so the plan — and the result — is the same on every run with the same
 * data and settings; the budget itself is still enforced on the clock, as a safety stop).
 *
 * <p>Cost model: a forward pass through one layer costs {@link #LAYER_TOKEN_SECONDS} per token (one PyTorch
 * thread, divided by {@link TuningThreads#speedup} for the threads a fine-tune uses; measured on the 2-core build machine with MiniLM/bge-small's width 384 × 1536 as ≈ 0.5–0.6 s for a
 * 32 × 32-token step of 4 frozen + 2 tuned layers, ≈ 1.0 s with 6 tuned), scaled by width for other encoders;
 * a backward pass costs two forwards; length-bucketed batches pad about 10%.
 *
 * <p>Default budget: 129 s + 51.4 ms per training text — about 3 minutes for 1,000 texts and 15 minutes for
 * 15,000, the product's targets on two cores. For a reward model: 20 s + 50 ms per judgement — about 2 minutes
 * for 2,000 judgements.
 */
public final class FineTuneBudget {
    static final double LAYER_TOKEN_SECONDS = 55e-6;
    static final double BACKWARD = 2;
    static final double PADDING = 1.1;
    /** Share of the budget plans may use; the rest absorbs the model's error and the final steps. */
    public static final double USABLE = 0.85;
    /** A plan tunes the most layers that still allow this many epochs. */
    static final int MIN_EPOCHS = 3;

    private FineTuneBudget() {
    }

    public static Duration defaultBudget(int trainingTexts) {
        double seconds = 128.6 + 0.05143 * trainingTexts;
        return Duration.ofMillis((long) (Math.min(seconds, 3600) * 1000));
    }

    public static Duration defaultRewardBudget(int judgements) {
        double seconds = 20 + 0.05 * judgements;
        return Duration.ofMillis((long) (Math.min(seconds, 3600) * 1000));
    }

    static double layerTokenSeconds(BertConfig config) {
        double width = 4.0 * config.hidden() * config.hidden() + 2.0 * config.hidden() * config.intermediate();
        return LAYER_TOKEN_SECONDS * width / (4.0 * 384 * 384 + 2.0 * 384 * 1536) / TuningThreads.speedup(TuningThreads.configured());
    }

    /** The most bytes a cache may take: 2 GiB, and at most 40% of the heap. */
    static long cacheLimitBytes() {
        return Math.min(2L << 30, (long) (Runtime.getRuntime().maxMemory() * 0.4));
    }

    /**
     * @param trainTokens      tokens of the training texts
     * @param validationTokens tokens of the rows evaluated after each epoch
     * @param cacheBytes       what caching every text's frozen states takes (the same at any depth)
     */
    static FineTunePlan classifier(ClassifierFineTuneConfig config, BertConfig encoder, int trainingTexts,
                                   long trainTokens, long validationTokens, long cacheBytes) {
        double budget = seconds(config.timeBudget(), trainingTexts);
        double c = layerTokenSeconds(encoder);
        int layers = encoder.layers();
        double train = trainTokens * PADDING;
        double val = validationTokens * PADDING;
        return deepestFitting(config.trainableLayers(), layers, config.maxEpochs(), config.cache(), cacheBytes, budget,
                (k, cache) -> (cache ? (layers - k) * (train + val) * c : 0)
                        + (config.linearProbe() ? (cache ? k : layers) * (train + val) * c : 0)
                        + (cache ? k : layers) * val * c, // the last term: the final pass for the threshold
                (k, cache) -> ((1 + BACKWARD) * k + (cache ? 0 : layers - k)) * train * c
                        + (cache ? k : layers) * val * c).plan();
    }

    /** @param allTokens tokens of every text embedded at the end (training and held-out) */
    static FineTunePlan contrastive(ContrastiveFineTuneConfig config, BertConfig encoder, int trainingTexts,
                                    long trainTokens, long allTokens) {
        double budget = seconds(config.timeBudget(), trainingTexts);
        double c = layerTokenSeconds(encoder);
        int layers = encoder.layers();
        double train = trainTokens * PADDING * 1.3; // batches are grouped by label, not by length: more padding
        double all = allTokens * PADDING;
        return deepestFitting(config.trainableLayers(), layers, config.maxEpochs(), config.cache(), 0, budget,
                (k, cache) -> (cache ? (layers - k) * all * c : 0) + (cache ? k : layers) * all * c + 5,
                (k, cache) -> ((1 + BACKWARD) * k + (cache ? 0 : layers - k)) * train * c).plan();
    }

    /**
     * The cross-encoder reward model: each training judgement runs two ticket–reply inputs forward and back; after
     * each epoch the held-out inputs run forward once. The cache, when used, runs the frozen layers once on every
     * distinct input (training and held out).
     *
     * @param trainTokens      tokens of both inputs of every training judgement
     * @param validationTokens tokens of the distinct held-out inputs
     * @param allTokens        tokens of every distinct input
     */
    public static FineTunePlan reward(CrossEncoderRewardConfig config, BertConfig encoder, int judgements, long trainTokens,
                               long validationTokens, long allTokens, long cacheBytes) {
        double budget = (config.timeBudget() == null ? defaultRewardBudget(judgements) : config.timeBudget()).toMillis() / 1000.0;
        double c = layerTokenSeconds(encoder);
        int layers = encoder.layers();
        double train = trainTokens * PADDING;
        double val = validationTokens * PADDING;
        double all = allTokens * PADDING;
        Search search = deepestFitting(config.trainableLayers(), layers, config.maxEpochs(), config.cache(), cacheBytes, budget,
                (k, cache) -> cache ? (layers - k) * all * c : 0,
                (k, cache) -> ((1 + BACKWARD) * k + (cache ? 0 : layers - k)) * train * c + (cache ? k : layers) * val * c);
        if (search.fits()) {
            return search.plan();
        }
        FineTunePlan fallback = search.plan();
        if (fallback.cacheLowerLayers() && fallback.estimatedSeconds() > budget * USABLE) {
            // Not one epoch fits. The cache's cost is paid up front, before any training step, and the deadline
            // cannot cut it; without it every second goes to training steps on shuffled judgements, and the
            // deadline ends the epoch after as many as the budget allows.
            int k = fallback.trainableLayers();
            double perEpoch = ((1 + BACKWARD) * k + (layers - k)) * train * c + layers * val * c;
            return new FineTunePlan(k, 1, false, perEpoch, budget);
        }
        return fallback;
    }

    /** Seconds one held-out evaluation of a reward model takes by the cost model: the deadline leaves room for the last. */
    public static double rewardEvaluationSeconds(BertConfig encoder, FineTunePlan plan, long validationTokens) {
        int layers = plan.cacheLowerLayers() ? plan.trainableLayers() : encoder.layers();
        return layers * validationTokens * PADDING * layerTokenSeconds(encoder);
    }

    /** Seconds of a regime's passes (those paid once, or one epoch's) at {@code k} tuned layers, with or without the cache. */
    private interface Cost {
        double seconds(int k, boolean cache);
    }

    /** A searched plan, and whether it allows {@link #MIN_EPOCHS} (or else is the shallowest tried). */
    private record Search(FineTunePlan plan, boolean fits) {
    }

    /** The deepest plan (from the configured depth, or every layer, down to one) that still allows the epochs. */
    private static Search deepestFitting(int trainableLayers, int layers, int maxEpochs, CacheMode cacheMode,
                                         long cacheBytes, double budget, Cost fixedCost, Cost epochCost) {
        FineTunePlan fallback = null;
        int from = trainableLayers > 0 ? Math.min(trainableLayers, layers) : layers;
        int to = trainableLayers > 0 ? from : 1;
        for (int k = from; k >= to; k--) {
            boolean cache = useCache(cacheMode, k, layers, maxEpochs, cacheBytes);
            double fixed = fixedCost.seconds(k, cache);
            double perEpoch = epochCost.seconds(k, cache);
            int epochs = (int) Math.min(maxEpochs, Math.floor((budget * USABLE - fixed) / perEpoch));
            FineTunePlan plan = new FineTunePlan(k, Math.max(1, epochs), cache, fixed + Math.max(1, epochs) * perEpoch, budget);
            if (epochs >= Math.min(MIN_EPOCHS, maxEpochs)) {
                return new Search(plan, true);
            }
            fallback = plan;
        }
        return new Search(fallback, false);
    }

    private static boolean useCache(CacheMode mode, int tuned, int layers, int epochs, long bytes) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> tuned < layers && epochs >= 2 && bytes <= cacheLimitBytes();
        };
    }

    static double seconds(Duration budget, int trainingTexts) {
        return (budget == null ? defaultBudget(trainingTexts) : budget).toMillis() / 1000.0;
    }
}
