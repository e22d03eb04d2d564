package dev.loopwise.model.transformer.tuning;

import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.loopwise.model.Djl;
import dev.loopwise.model.training.LinearHeadTrainer;
import dev.loopwise.model.training.TrainingLoop;
import dev.loopwise.model.training.TrainingMonitor;
import dev.loopwise.model.transformer.EncoderSource;
import dev.loopwise.model.transformer.TokenBatch;
import dev.loopwise.model.transformer.TokenizedTexts;
import dev.loopwise.model.transformer.bert.BertConfig;
import dev.loopwise.model.transformer.bert.BertEncoder;
import dev.loopwise.model.transformer.bert.TunedEncoderWeights;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The steps the encoder fine-tunes take alike, so the classifier, contrastive and reward trainers cannot drift
 * apart in how they tokenize, seed, load the encoder and cache its frozen layers.
 */
public final class TuningSteps {
    /** Rows per forward pass when only vectors are wanted (no gradients). */
    public static final int EMBED_BATCH = 64;

    private TuningSteps() {
    }

    /**
     * A classifier fine-tune's course around its regime's own part: its rows split, their tokens and classes, the
     * encoder's shape, the clock, and the metrics gathered on the way; held in one place so that the fine-tunes read
     * them, rather than each copying them into locals of its own.
     */
    static final class Labelled {
        final Stopwatch watch;
        final PreparedData prep;
        final TokenizedTexts texts;
        final BertConfig bert;
        final int[] trainRows;
        final int[] heldRows;
        final int[] trainY;
        final int[] heldY;
        final Map<String, Double> metrics = new LinkedHashMap<>();

        private Labelled(Stopwatch watch, PreparedData prep, TokenizedTexts texts, BertConfig bert) {
            this.watch = watch;
            this.prep = prep;
            this.texts = texts;
            this.bert = bert;
            this.trainRows = prep.trainRows;
            this.heldRows = prep.heldOutRows;
            this.trainY = prep.labelsOf(trainRows);
            this.heldY = prep.labelsOf(heldRows);
            if (prep.seenKept > 0) {
                metrics.put("eval/seen_rows", (double) prep.seenKept);
            }
        }

        /** {@link TuningSteps#begin} with the plan's budget; returns the monitor clock's deadline. */
        long begin(FineTunePlan plan, long seed, TrainingMonitor monitor) {
            long deadline = watch.deadline(plan.budgetSeconds());
            TuningSteps.begin(plan, seed, monitor);
            return deadline;
        }

        /** The run's result once its regime has tuned the layers and chosen the head; {@code stage} is its last lap. */
        FineTuneResult finish(String regime, BertEncoder encoder, ClassifierHead head, FineTunePlan plan,
                              TrainingLoop.Outcome outcome, String stage) {
            metrics.put("train/epochs", (double) outcome.epochsRun());
            metrics.put("train/steps", (double) outcome.steps());
            watch.lap(stage);
            TunedEncoderWeights weights = encoder.tunedWeights();
            metrics.putAll(watch.times());
            return new FineTuneResult(regime, weights, head, plan, outcome.stop().name(), outcome.epochsRun(),
                    outcome.bestEpoch(), metrics, outcome.metricsByEpoch());
        }
    }

    static Labelled labelled(EncoderSource source, FineTuneData data, double heldOutShare, long seed, int maxTokens,
                             TrainingMonitor monitor) {
        Djl.configure();
        Stopwatch watch = new Stopwatch(monitor);
        PreparedData prep = PreparedData.of(data, heldOutShare, seed);
        TokenizedTexts texts;
        try (HuggingFaceTokenizer tokenizer = TokenBatch.tokenizer(source.tokenizer(), maxTokens)) {
            texts = TokenizedTexts.of(tokenizer, prep.texts);
        }
        watch.lap("tokenize");
        return new Labelled(watch, prep, texts, BertEncoder.readConfig(source.onnx(), OptionalInt.empty()));
    }

    /** Announces the plan and seeds the engine, so a run with the same data and settings repeats itself. */
    public static void begin(FineTunePlan plan, long seed, TrainingMonitor monitor) {
        monitor.report(plan.progress());
        Engine.getEngine(Djl.PYTORCH).setRandomSeed((int) seed);
    }

    /** The base encoder with the plan's top layers trainable. */
    public static BertEncoder load(EncoderSource source, FineTunePlan plan, int maxTokens, float dropout, Stopwatch watch) {
        BertEncoder encoder = BertEncoder.load(source.id(), source.onnx(), new BertEncoder.Options(source.pooling(),
                plan.trainableLayers(), maxTokens, dropout, OptionalInt.empty()), null);
        watch.lap("load");
        return encoder;
    }

    /** The encoder's feed, over the frozen layers' cache of {@code rows} when the plan chose one. */
    public static EncoderFeed feed(BertEncoder encoder, TokenizedTexts texts, FineTunePlan plan, int[] rows,
                            Map<String, Double> metrics, Stopwatch watch, TrainingMonitor monitor) {
        LowerLayerCache cache = null;
        if (plan.cacheLowerLayers()) {
            cache = LowerLayerCache.build(encoder, texts, rows, EMBED_BATCH, monitor);
            metrics.put("cache/megabytes", cache.bytes() / 1e6);
            watch.lap("cache");
        }
        return new EncoderFeed(encoder, texts, cache);
    }

    /** A linear head on fixed vectors and the epochs it ran. */
    record LinearFit(ClassifierHead head, int epochs) {
    }

    /**
     * The linear head of the probe, the contrastive fine-tune and the refit alike: trained on {@code trainVectors},
     * early-stopped on the held-out rows of a trained class ({@code heldY} −1, out-of-scope rows of no trained label,
     * has no loss to stop on).
     */
    static LinearFit fitHead(LinearHeadTrainer.Settings settings, float[][] trainVectors, int[] trainY, float[][] heldVectors,
                             int[] heldY, PreparedData prep, String stage, TrainingMonitor monitor) {
        int[] inClass = RowPicks.indicesWithClass(heldY);
        LinearHeadTrainer.Result fit = LinearHeadTrainer.train(settings, trainVectors, trainY,
                RowPicks.pick(heldVectors, inClass), RowPicks.pick(heldY, inClass), prep.classes.size(), stage, monitor);
        return new LinearFit(new ClassifierHead(prep.classes, fit.weights(), fit.bias(), 0, prep.outOfScopeLabel),
                fit.epochs());
    }
}
