package dev.loopwise.model.transformer.tuning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import dev.loopwise.model.Vectors;
import dev.loopwise.model.training.LinearHeadTrainer;
import dev.loopwise.model.training.EpochSelection;
import dev.loopwise.model.training.TrainingLoop;
import dev.loopwise.model.training.TrainingMonitor;
import dev.loopwise.model.training.TrainingProgress;
import dev.loopwise.model.transformer.EncoderSource;
import dev.loopwise.model.transformer.bert.BertEncoder;
import java.util.Random;

/**
 * The full-data {@code finetune} regime: the encoder's top layers and a linear softmax head trained together
 * end to end on the labelled tickets.
 *
 * <p>Loss: softmax cross-entropy of the head on the tuned encoder's unit sentence vector,
 * L = −(1/B) Σ_i log softmax(W·E_θ(x_i) + b)[y_i], minimised over the head (W, b) and the top layers' weights θ.
 *
 * <p>Recipe: (1) tokenize once, truncated to {@code maxTokens}; (2) plan the tuned depth and epochs to fit
 * the time budget ({@link FineTuneBudget}); (3) run the frozen lower layers once per text
 * ({@link LowerLayerCache}) when that pays; (4) linear probe: fit the head on the frozen vectors first
 * (LP-FT, so tuning starts from a useful head); (5) tune encoder (AdamW, layer-wise learning-rate decay) and
 * head (Adam) together on length-bucketed batches, learning rates warming up linearly then decaying
 * linearly; evaluate on the validation rows after each epoch and keep the best epoch (early stopping,
 * time budget); (6) when the budget still holds it, fit the head once more on the tuned vectors and keep it if it
 * is no worse ({@link HeadRefit});
 * (7) choose the out-of-scope threshold on the validation rows with the product's rule.
 * An out-of-scope label with training rows is a class of its own.
 */
public final class ClassifierFineTuner {
    private static final int EMBED_BATCH = TuningSteps.EMBED_BATCH;
    /**
     * The epoch kept is the one with the best threshold-free accuracy on the validation rows (lower loss
     * breaks ties); its threshold is chosen afterwards. Selecting on the score at a per-epoch threshold let
     * the threshold's noise decide, and early epochs won with a lucky cut-off.
     */
    private static final EpochSelection EPOCH_SELECTION =
            EpochSelection.highest("eval/accuracy").thenLowest("eval/loss");

    private ClassifierFineTuner() {
    }

    public static FineTuneResult train(EncoderSource source, ClassifierFineTuneConfig config, FineTuneData data,
                                       TrainingMonitor monitor) {
        try (TuningThreads.Lease pool = TuningThreads.widen()) {
            return trainOnWidePool(source, config, data, monitor);
        }
    }

    private static FineTuneResult trainOnWidePool(EncoderSource source, ClassifierFineTuneConfig config, FineTuneData data,
                                       TrainingMonitor monitor) {
        TuningSteps.Labelled run = TuningSteps.labelled(source, data, config.heldOutShare(), config.seed(),
                config.maxTokens(), monitor);
        FineTunePlan plan = FineTuneBudget.classifier(config, run.bert, run.trainRows.length,
                run.texts.totalTokens(run.trainRows), run.texts.totalTokens(run.heldRows),
                LowerLayerCache.estimateBytes(run.texts, run.prep.allRows(), run.bert.hidden()));
        long deadline = run.begin(plan, config.seed(), monitor);
        int classes = run.prep.classes.size();
        int hidden = run.bert.hidden();
        try (BertEncoder encoder = TuningSteps.load(source, plan, config.maxTokens(), config.dropout(), run.watch)) {
            EncoderFeed feed = TuningSteps.feed(encoder, run.texts, plan, run.prep.allRows(), run.metrics, run.watch, monitor);
            ClassifierHead probe = null;
            if (config.linearProbe()) {
                float[][] trainVectors = feed.embed(run.trainRows, EMBED_BATCH, monitor, "probe");
                float[][] heldVectors = feed.embed(run.heldRows, EMBED_BATCH, monitor, "probe");
                TuningSteps.LinearFit fit = TuningSteps.fitHead(HeadRefit.settings(config.seed()),
                        trainVectors, run.trainY, heldVectors, run.heldY, run.prep, "probe", monitor);
                probe = fit.head();
                HeadEvaluation.evaluate(probe, heldVectors, run.heldY, config.retention(), config.outOfScopeWeight())
                        .metrics().forEach((name, value) -> run.metrics.put(name.replace("eval/", "probe/"), value));
                run.metrics.put("probe/epochs", (double) fit.epochs());
                run.watch.lap("probe");
            }
            try (EncoderHeadTraining tuning = new EncoderHeadTraining("finetune-head", classes, encoder, run.bert)) {
                int stepsPerEpoch = (run.trainRows.length + config.batchSize() - 1) / config.batchSize();
                int total = stepsPerEpoch * plan.epochs();
                Loss loss = Loss.softmaxCrossEntropyLoss();
                float[] labels = LinearHeadTrainer.floats(run.prep.y);
                Random random = new Random(config.seed());
                TrainingLoop.Outcome outcome = tuning.train(loss, new EncoderHeadTraining.Rates(config.learningRate(),
                                config.headLearningRate(), config.warmupShare(), config.layerDecay(), config.weightDecay(), total),
                        probe == null ? null : Vectors.flatten(probe.weights()), probe == null ? null : probe.bias(),
                        session -> new TrainingLoop("finetune", plan.epochs(),
                                epoch -> run.texts.bucketedBatches(run.trainRows, config.batchSize(), 50, random),
                                rows -> session.step(batch -> {
                                    NDArray target = batch.create(RowPicks.pickFloats(labels, rows));
                                    return () -> loss.evaluate(new NDList(target),
                                            session.head(feed.forward(batch, rows, true).get(0)));
                                }))
                                .evaluateWith(() -> HeadEvaluation.evaluate(currentHead(tuning, run.prep, classes, hidden),
                                                feed.embed(run.heldRows, EMBED_BATCH, monitor, "finetune"), run.heldY,
                                                config.retention(), config.outOfScopeWeight()).metrics(),
                                        EPOCH_SELECTION, config.patience(), session.snapshot())
                                .monitor(monitor, deadline)
                                .learningRate(session::learningRate)
                                .reportEvery(20));
                run.watch.lap("finetune");
                long heldPassStart = monitor.clock().getAsLong();
                float[][] heldVectors = feed.embed(run.heldRows, EMBED_BATCH, monitor, "threshold");
                long heldPass = monitor.clock().getAsLong() - heldPassStart;
                // The refit passes over the training rows once more: about their tokens over the held-out rows' times the
                // pass just timed, and the head's fit on top. It is not in the plan (that would tune one layer fewer on
                // large sets); it uses the plan's margin when the clock still holds it, which it does on a quiet machine.
                double trainShare = (double) run.texts.totalTokens(run.trainRows)
                        / Math.max(1, run.texts.totalTokens(run.heldRows));
                ClassifierHead tuned = currentHead(tuning, run.prep, classes, hidden);
                if (monitor.clock().getAsLong() + (long) (heldPass * trainShare * 1.5) < deadline) {
                    HeadRefit.Outcome refit = HeadRefit.choose(tuned, feed.embed(run.trainRows, EMBED_BATCH, monitor, "refit"),
                            run.trainY, heldVectors, run.heldY, run.prep, config, monitor);
                    run.metrics.putAll(refit.metrics());
                    tuned = refit.head();
                } else {
                    run.metrics.put("refit/skipped", 1.0);
                }
                run.watch.lap("refit");
                HeadEvaluation.Scored scored = HeadEvaluation.evaluate(tuned, heldVectors, run.heldY, config.retention(),
                        config.outOfScopeWeight());
                monitor.report(new TrainingProgress("threshold", 0, 0, 1, 1, scored.metrics()));
                run.metrics.putAll(scored.metrics());
                run.metrics.put("train/loss", outcome.best().getOrDefault("train/loss", Double.NaN));
                return run.finish(FineTuneResult.FINETUNE, encoder, tuned.withThreshold(scored.threshold()), plan, outcome,
                        "threshold");
            }
        }
    }

    private static ClassifierHead currentHead(EncoderHeadTraining tuning, PreparedData prep, int classes, int hidden) {
        return new ClassifierHead(prep.classes, Vectors.reshape(tuning.weight(), classes, hidden), tuning.bias(), 0,
                prep.outOfScopeLabel);
    }
}
