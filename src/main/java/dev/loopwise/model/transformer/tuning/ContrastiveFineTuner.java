package dev.loopwise.model.transformer.tuning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.loopwise.model.training.GradientClipping;
import dev.loopwise.model.training.LinearHeadTrainer;
import dev.loopwise.model.training.OptimizerStep;
import dev.loopwise.model.training.TrainingLoop;
import dev.loopwise.model.training.TrainingMonitor;
import dev.loopwise.model.training.TrainingProgress;
import dev.loopwise.model.transformer.EncoderSource;
import dev.loopwise.model.transformer.bert.BertEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The few-data {@code finetune_contrastive} regime (SetFit, Tunstall et al. 2022): the encoder's top layers
 * are tuned so that tickets of the same intent get similar vectors and tickets of different intents
 * dissimilar ones, then a linear head is trained on the tuned vectors.
 *
 * <p>Pairs: every batch draws {@code classesPerBatch} intents and {@code examplesPerClass} tickets of each, and
 * every pair of tickets in it is used — same intent: positive, different intents: negative. Two out-of-scope
 * tickets form no pair (they share no meaning), an out-of-scope and an in-scope ticket a negative one. Each
 * ticket is encoded once per batch however many pairs it is in, which is what makes the pairs cheap.
 *
 * <p>Loss: one of the {@link PairLosses} over the pairs of each batch.
 *
 * <p>Then: the head on the tuned vectors with early stopping on the held-out rows, the out-of-scope threshold
 * chosen there (the product's rule), and — when those rows were carved from the training rows — the head
 * refitted on all rows for the same number of epochs (the encoder is not tuned again). A probe head on the
 * frozen vectors is fitted too, for comparison ({@code probe/*} metrics).
 */
public final class ContrastiveFineTuner {
    private static final int EMBED_BATCH = TuningSteps.EMBED_BATCH;

    private ContrastiveFineTuner() {
    }

    public static FineTuneResult train(EncoderSource source, ContrastiveFineTuneConfig config, FineTuneData data,
                                       TrainingMonitor monitor) {
        try (TuningThreads.Lease pool = TuningThreads.widen()) {
            return trainOnWidePool(source, config, data, monitor);
        }
    }

    private static FineTuneResult trainOnWidePool(EncoderSource source, ContrastiveFineTuneConfig config, FineTuneData data,
                                       TrainingMonitor monitor) {
        TuningSteps.Labelled run = TuningSteps.labelled(source, data, config.heldOutShare(), config.seed(),
                config.maxTokens(), monitor);
        int[] allRows = run.prep.allRows();
        FineTunePlan plan = FineTuneBudget.contrastive(config, run.bert, run.trainRows.length,
                run.texts.totalTokens(run.trainRows), run.texts.totalTokens(allRows));
        long deadline = run.begin(plan, config.seed(), monitor);
        int oosClass = run.prep.outOfScopeClass();
        LinearHeadTrainer.Settings headSettings = new LinearHeadTrainer.Settings(config.headLearningRate(), config.headBatchSize(),
                config.headMaxEpochs(), config.headPatience(), config.seed());
        try (BertEncoder encoder = TuningSteps.load(source, plan, config.maxTokens(), config.dropout(), run.watch)) {
            EncoderFeed feed = TuningSteps.feed(encoder, run.texts, plan, allRows, run.metrics, run.watch, monitor);
            // The frozen encoder's head, for comparison.
            Fitted probe = fitHead(feed, run, headSettings, config, monitor, "probe");
            probe.scored.metrics().forEach((name, value) -> run.metrics.put(name.replace("eval/", "probe/"), value));
            run.watch.lap("probe");

            int[] trainLabels = new int[run.texts.size()];
            for (int row : run.trainRows) {
                trainLabels[row] = run.prep.y[row];
            }
            Random random = new Random(config.seed());
            int stepsPerEpoch = pairBatches(run.trainRows, trainLabels, config, new Random(config.seed())).size();
            int total = stepsPerEpoch * plan.epochs();
            LearningRateSchedule rate = LearningRateSchedule.layerWise(config.learningRate(), config.warmupShare(), total,
                    encoder.block(), run.bert, config.layerDecay());
            // DJL's trainer wants a loss, but each step scores its pairs with PairLosses, so this one is never evaluated.
            DefaultTrainingConfig trainingConfig = TuningOptimizers.encoder(Loss.l2Loss(), rate, config.weightDecay());
            TrainingLoop.Outcome outcome;
            try (Trainer trainer = encoder.model().newTrainer(trainingConfig)) {
                trainer.initialize(BertEncoder.inputShapes());
                TrainingLoop loop = new TrainingLoop("contrastive", plan.epochs(),
                        epoch -> pairBatches(run.trainRows, trainLabels, config, random),
                        rows -> {
                            try (NDManager batch = trainer.getManager().newSubManager()) {
                                return OptimizerStep.run(GradientClipping.TRANSFORMER_MAX_NORM, trainer, () -> {
                                    NDArray pooled = feed.forward(batch, rows, true).get(0);
                                    int[] batchLabels = labelsOf(trainLabels, rows);
                                    return config.pairLoss() == ContrastiveFineTuneConfig.PairLoss.COSINE_SIMILARITY
                                            ? PairLosses.cosineSimilarity(batch, pooled, batchLabels, oosClass)
                                            : PairLosses.supervisedContrastive(batch, pooled, batchLabels, oosClass, config.temperature());
                                });
                            }
                        })
                        .monitor(monitor, deadline)
                        .learningRate(rate::current)
                        .reportEvery(Integer.getInteger("loopwise.debug.every", 10));
                outcome = loop.run();
            }
            run.watch.lap("contrastive");

            Fitted tuned = fitHead(feed, run, headSettings, config, monitor, "head");
            run.metrics.putAll(tuned.scored.metrics());
            ClassifierHead head = tuned.head;
            if (run.prep.carved) {
                // The held-out rows chose the head's epochs and the threshold; now the head learns from them too.
                int[] all = run.prep.withClass(allRows);
                LinearHeadTrainer.Result full = LinearHeadTrainer.train(
                        new LinearHeadTrainer.Settings(config.headLearningRate(), config.headBatchSize(),
                                Math.max(1, tuned.epochs), config.headPatience(), config.seed()),
                        feed.embed(all, EMBED_BATCH, monitor, "head"), run.prep.labelsOf(all), null, null,
                        run.prep.classes.size(), "head", monitor);
                head = new ClassifierHead(run.prep.classes, full.weights(), full.bias(), 0, run.prep.outOfScopeLabel);
            }
            run.metrics.put("head/epochs", (double) tuned.epochs);
            run.metrics.put("train/loss", outcome.history().isEmpty() ? Double.NaN
                    : outcome.history().get(outcome.history().size() - 1).metrics().get("train/loss"));
            run.metrics.put("train/first_epoch_loss", outcome.history().isEmpty() ? Double.NaN
                    : outcome.history().get(0).metrics().get("train/loss"));
            return run.finish(FineTuneResult.FINETUNE_CONTRASTIVE, encoder, head.withThreshold(tuned.scored.threshold()),
                    plan, outcome, "head");
        }
    }

    private record Fitted(ClassifierHead head, HeadEvaluation.Scored scored, int epochs) {
    }

    /** A head on the encoder's current vectors, early-stopped and scored on the held-out rows. */
    private static Fitted fitHead(EncoderFeed feed, TuningSteps.Labelled run, LinearHeadTrainer.Settings settings,
                                  ContrastiveFineTuneConfig config, TrainingMonitor monitor, String stage) {
        float[][] trainVectors = feed.embed(run.trainRows, EMBED_BATCH, monitor, stage);
        float[][] heldVectors = feed.embed(run.heldRows, EMBED_BATCH, monitor, stage);
        TuningSteps.LinearFit fit = TuningSteps.fitHead(settings, trainVectors, run.trainY, heldVectors, run.heldY, run.prep,
                stage, monitor);
        HeadEvaluation.Scored scored = HeadEvaluation.evaluate(fit.head(), heldVectors, run.heldY, config.retention(),
                config.outOfScopeWeight());
        monitor.report(new TrainingProgress(stage, fit.epochs(), fit.epochs(), 1, 1, scored.metrics()));
        return new Fitted(fit.head(), scored, fit.epochs());
    }

    /**
     * One epoch's batches: each label's rows shuffled and cut into groups of {@code examplesPerClass}; the groups
     * dealt in rounds (every label's first group in random order, then every label's second group, …) and packed
     * {@code classesPerBatch} to a batch, so a batch holds distinct labels wherever the data allows. Every row
     * is in exactly one batch.
     */
    static List<int[]> pairBatches(int[] rows, int[] labels, ContrastiveFineTuneConfig config, Random random) {
        Map<Integer, List<Integer>> byLabel = new TreeMap<>();
        for (int row : rows) {
            byLabel.computeIfAbsent(labels[row], k -> new ArrayList<>()).add(row);
        }
        List<List<int[]>> rounds = new ArrayList<>();
        for (List<Integer> members : byLabel.values()) {
            Collections.shuffle(members, random);
            for (int from = 0, round = 0; from < members.size(); from += config.examplesPerClass(), round++) {
                if (rounds.size() <= round) {
                    rounds.add(new ArrayList<>());
                }
                rounds.get(round).add(members.subList(from, Math.min(members.size(), from + config.examplesPerClass()))
                        .stream().mapToInt(Integer::intValue).toArray());
            }
        }
        List<int[]> groups = new ArrayList<>();
        for (List<int[]> round : rounds) {
            Collections.shuffle(round, random);
            groups.addAll(round);
        }
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < groups.size(); from += config.classesPerBatch()) {
            int[] batch = groups.subList(from, Math.min(groups.size(), from + config.classesPerBatch())).stream()
                    .flatMapToInt(Arrays::stream).toArray();
            if (batch.length >= 2) {
                batches.add(batch);
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    private static int[] labelsOf(int[] labels, int[] rows) {
        return Arrays.stream(rows).map(r -> labels[r]).toArray();
    }
}
