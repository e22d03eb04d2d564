package dev.loopwise.model.transformer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import dev.loopwise.model.Djl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;

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
 * <p>Loss, {@code COSINE_SIMILARITY} (SetFit's, positives and negatives weighted equally): with u the tuned unit
 * vectors, P the positive and N the negative pairs of the batch,
 * L = ½·(1/|P|) Σ_{(i,j)∈P} (cos(u_i, u_j) − 1)² + ½·(1/|N|) Σ_{(i,j)∈N} cos(u_i, u_j)².
 *
 * <p>Or {@code SUPERVISED_CONTRASTIVE} (Khosla et al. 2020; the InfoNCE form the bundled encoders were
 * pre-trained with, labels choosing the positives): with s_ij = cos(u_i, u_j)/τ, P(i) the positives of anchor i
 * and A(i) every other text of the batch except out-of-scope texts paired with an out-of-scope anchor,
 * L = (1/|I|) Σ_{i∈I} −(1/|P(i)|) Σ_{p∈P(i)} log( exp(s_ip) / Σ_{a∈A(i)} exp(s_ia) ), over the anchors I that
 * have a positive.
 *
 * <p>Then: the head on the tuned vectors with early stopping on the held-out rows, the out-of-scope threshold
 * chosen there (the product's rule), and — when those rows were carved from the training rows — the head
 * refitted on all rows for the same number of epochs (the encoder is not tuned again). A probe head on the
 * frozen vectors is fitted too, for comparison ({@code probe/*} metrics).
 */
public final class ContrastiveFineTuner {
    private static final int EMBED_BATCH = 64;

    private ContrastiveFineTuner() {
    }

    public static FineTuneResult train(EncoderSource source, ContrastiveFineTuneConfig config, FineTuneData data,
                                       TrainingMonitor monitor) {
        Djl.configure();
        ClassifierFineTuner.Stopwatch watch = new ClassifierFineTuner.Stopwatch(monitor);
        PreparedData prep = PreparedData.of(data, config.heldOutShare(), config.seed());
        TokenizedTexts texts;
        try (HuggingFaceTokenizer tokenizer = TokenBatch.tokenizer(source.tokenizer(), config.maxTokens())) {
            texts = TokenizedTexts.of(tokenizer, prep.texts);
        }
        watch.lap("tokenize");
        BertConfig bert = BertEncoder.readConfig(source.onnx(), OptionalInt.empty());
        int[] trainRows = prep.trainRows;
        int[] heldRows = prep.heldOutRows;
        int[] allRows = prep.allRows();
        FineTunePlan plan = FineTuneBudget.contrastive(config, bert, trainRows.length, texts.totalTokens(trainRows),
                texts.totalTokens(allRows));
        long deadline = watch.clockStart + (long) (plan.budgetSeconds() * 1e9);
        monitor.report(new TrainingProgress("plan", 0, plan.epochs(), 0, 0, Map.of(
                "plan/trainable_layers", (double) plan.trainableLayers(), "plan/epochs", (double) plan.epochs(),
                "plan/estimated_s", plan.estimatedSeconds(), "plan/budget_s", plan.budgetSeconds())));
        Engine.getEngine(Djl.PYTORCH).setRandomSeed((int) config.seed());
        Map<String, Double> metrics = new LinkedHashMap<>();
        int classes = prep.classes.size();
        int oosClass = prep.outOfScopeClass();
        int[] trainY = prep.labelsOf(trainRows);
        int[] heldY = prep.labelsOf(heldRows);
        LinearHeadFit.Settings headSettings = new LinearHeadFit.Settings(config.headLearningRate(), config.headBatchSize(),
                config.headMaxEpochs(), config.headPatience(), config.seed());
        try (BertEncoder encoder = BertEncoder.load(source.id(), source.onnx(), new BertEncoder.Options(source.pooling(),
                plan.trainableLayers(), config.maxTokens(), config.dropout(), OptionalInt.empty()), null)) {
            watch.lap("load");
            LowerLayerCache cache = null;
            if (plan.cacheLowerLayers()) {
                cache = LowerLayerCache.build(encoder, texts, allRows, EMBED_BATCH, monitor);
                metrics.put("cache/megabytes", cache.bytes() / 1e6);
                watch.lap("cache");
            }
            EncoderFeed feed = new EncoderFeed(encoder, texts, cache);
            // The frozen encoder's head, for comparison.
            Fitted probe = fitHead(feed, prep, trainRows, heldRows, trainY, heldY, headSettings, config, monitor, "probe");
            probe.scored.metrics().forEach((name, value) -> metrics.put(name.replace("eval/", "probe/"), value));
            watch.lap("probe");

            int[] trainLabels = new int[texts.size()];
            for (int row : trainRows) {
                trainLabels[row] = prep.y[row];
            }
            Random random = new Random(config.seed());
            int stepsPerEpoch = pairBatches(trainRows, trainLabels, config, new Random(config.seed())).size();
            int total = stepsPerEpoch * plan.epochs();
            int warmUp = (int) Math.round(total * config.warmupShare());
            BertEncoderBlock block = encoder.block();
            LearningRateSchedule rate = new LearningRateSchedule((float) config.learningRate(), warmUp, total,
                    block.trainableParameterLayers(), bert.layers() - 1, config.layerDecay());
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adamW().optLearningRateTracker(rate)
                            .optWeightDecays((float) config.weightDecay()).build())
                    .optDevices(new Device[] {Device.cpu()});
            TrainingLoop.Outcome outcome;
            try (Trainer trainer = encoder.model().newTrainer(trainingConfig)) {
                trainer.initialize(BertEncoder.inputShapes());
                TrainingLoop loop = new TrainingLoop("contrastive", plan.epochs(),
                        epoch -> pairBatches(trainRows, trainLabels, config, random),
                        rows -> {
                            try (NDManager batch = trainer.getManager().newSubManager()) {
                                double value;
                                try (GradientCollector collector = trainer.newGradientCollector()) {
                                    NDArray pooled = feed.forward(batch, rows, true).get(0);
                                    int[] batchLabels = labelsOf(trainLabels, rows);
                                    NDArray l = config.pairLoss() == ContrastiveFineTuneConfig.PairLoss.COSINE_SIMILARITY
                                            ? pairLoss(batch, pooled, batchLabels, oosClass)
                                            : supervisedContrastiveLoss(batch, pooled, batchLabels, oosClass, config.temperature());
                                    value = l.getFloat();
                                    if (!TrainingLoop.finite(value)) {
                                        return value;
                                    }
                                    collector.backward(l);
                                }
                                trainer.step();
                                return value;
                            }
                        })
                        .monitor(monitor, deadline)
                        .learningRate(rate::current)
                        .reportEvery(Integer.getInteger("loopwise.debug.every", 10));
                outcome = loop.run();
            }
            watch.lap("contrastive");

            Fitted tuned = fitHead(feed, prep, trainRows, heldRows, trainY, heldY, headSettings, config, monitor, "head");
            metrics.putAll(tuned.scored.metrics());
            ClassifierHead head = tuned.head;
            if (prep.carved) {
                // The held-out rows chose the head's epochs and the threshold; now the head learns from them too.
                int[] all = prep.withClass(allRows);
                LinearHeadFit.Result full = LinearHeadFit.train(
                        new LinearHeadFit.Settings(config.headLearningRate(), config.headBatchSize(),
                                Math.max(1, tuned.epochs), config.headPatience(), config.seed()),
                        feed.embed(all, EMBED_BATCH, monitor, "head"), prep.labelsOf(all), null, null, classes, "head",
                        monitor);
                head = new ClassifierHead(prep.classes, full.weights(), full.bias(), 0, prep.outOfScopeLabel);
            }
            metrics.put("head/epochs", (double) tuned.epochs);
            metrics.put("train/loss", outcome.history().isEmpty() ? Double.NaN
                    : outcome.history().get(outcome.history().size() - 1).metrics().get("train/loss"));
            metrics.put("train/first_epoch_loss", outcome.history().isEmpty() ? Double.NaN
                    : outcome.history().get(0).metrics().get("train/loss"));
            metrics.put("train/epochs", (double) outcome.epochsRun());
            metrics.put("train/steps", (double) outcome.steps());
            watch.lap("head");
            TunedEncoderWeights weights = encoder.tunedWeights();
            metrics.putAll(watch.times());
            return new FineTuneResult(FineTuneResult.FINETUNE_CONTRASTIVE, weights,
                    head.withThreshold(tuned.scored.threshold()), plan, outcome.stop().name(), outcome.epochsRun(),
                    outcome.bestEpoch(), metrics, outcome.history().stream().map(TrainingLoop.EpochLog::metrics).toList());
        }
    }

    private record Fitted(ClassifierHead head, HeadEvaluation.Scored scored, int epochs) {
    }

    /** A head on the encoder's current vectors, early-stopped and scored on the held-out rows. */
    private static Fitted fitHead(EncoderFeed feed, PreparedData prep, int[] trainRows, int[] heldRows, int[] trainY,
                                  int[] heldY, LinearHeadFit.Settings settings, ContrastiveFineTuneConfig config,
                                  TrainingMonitor monitor, String stage) {
        float[][] trainVectors = feed.embed(trainRows, EMBED_BATCH, monitor, stage);
        float[][] heldVectors = feed.embed(heldRows, EMBED_BATCH, monitor, stage);
        int[] inClass = ClassifierFineTuner.indicesWithClass(heldY);
        LinearHeadFit.Result fit = LinearHeadFit.train(settings, trainVectors, trainY,
                ClassifierFineTuner.pick(heldVectors, inClass), ClassifierFineTuner.pick(heldY, inClass),
                prep.classes.size(), stage, monitor);
        ClassifierHead head = new ClassifierHead(prep.classes, fit.weights(), fit.bias(), 0, prep.outOfScopeLabel);
        HeadEvaluation.Scored scored = HeadEvaluation.evaluate(head, heldVectors, heldY, config.retention(),
                config.outOfScopeWeight());
        monitor.report(new TrainingProgress(stage, fit.epochs(), fit.epochs(), 1, 1, scored.metrics()));
        return new Fitted(head, scored, fit.epochs());
    }

    /**
     * One epoch's batches: each label's rows shuffled and cut into groups of {@code examplesPerClass}; the groups
     * dealt in rounds (every label's first group in random order, then every label's second group, …) and packed
     * {@code classesPerBatch} to a batch, so a batch holds distinct labels wherever the data allows. Every row
     * is in exactly one batch.
     */
    static List<int[]> pairBatches(int[] rows, int[] labels, ContrastiveFineTuneConfig config, Random random) {
        Map<Integer, List<Integer>> byLabel = new java.util.TreeMap<>();
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
                    .flatMapToInt(java.util.Arrays::stream).toArray();
            if (batch.length >= 2) {
                batches.add(batch);
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    private static int[] labelsOf(int[] labels, int[] rows) {
        return java.util.Arrays.stream(rows).map(r -> labels[r]).toArray();
    }

    /**
     * The supervised contrastive loss over the batch (see the class comment).
     *
     * @param pooled unit vectors [rows, hidden]
     */
    static NDArray supervisedContrastiveLoss(NDManager manager, NDArray pooled, int[] labels, int outOfScopeClass,
                                             double temperature) {
        int n = labels.length;
        float[] positive = new float[n * n];
        float[] excluded = new float[n * n];
        float[] anchorWeight = new float[n];
        int anchors = 0;
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = 0; j < n; j++) {
                boolean bothOos = labels[i] == outOfScopeClass && labels[j] == outOfScopeClass;
                if (i == j || bothOos) {
                    excluded[i * n + j] = 1;
                } else if (labels[i] == labels[j]) {
                    positive[i * n + j] = 1;
                    count++;
                }
            }
            if (count > 0) {
                anchors++;
                for (int j = 0; j < n; j++) {
                    positive[i * n + j] /= count;
                }
                anchorWeight[i] = 1;
            }
        }
        if (anchors == 0) {
            return manager.zeros(new Shape());
        }
        Shape square = new Shape(n, n);
        NDArray logits = pooled.matMul(pooled.transpose()).div((float) temperature)
                .sub(manager.create(excluded, square).mul(1e4f));
        NDArray logProbabilities = logits.logSoftmax(1);
        NDArray perAnchor = logProbabilities.mul(manager.create(positive, square)).sum(new int[] {1}).neg();
        return perAnchor.mul(manager.create(anchorWeight)).sum().div((float) anchors);
    }

    /**
     * The cosine-similarity pair loss over all pairs of the batch (see the class comment).
     *
     * @param pooled unit vectors [rows, hidden]
     */
    static NDArray pairLoss(NDManager manager, NDArray pooled, int[] labels, int outOfScopeClass) {
        int n = labels.length;
        float[] positive = new float[n * n];
        float[] negative = new float[n * n];
        int positives = 0;
        int negatives = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean bothOos = labels[i] == outOfScopeClass && labels[j] == outOfScopeClass;
                if (bothOos) {
                    continue;
                }
                if (labels[i] == labels[j]) {
                    positive[i * n + j] = 1;
                    positives++;
                } else {
                    negative[i * n + j] = 1;
                    negatives++;
                }
            }
        }
        NDArray cos = pooled.matMul(pooled.transpose());
        Shape square = new Shape(n, n);
        NDArray loss = manager.zeros(new Shape());
        double weightPositive = positives == 0 ? 0 : (negatives == 0 ? 1.0 : 0.5) / positives;
        double weightNegative = negatives == 0 ? 0 : (positives == 0 ? 1.0 : 0.5) / negatives;
        if (positives > 0) {
            loss = loss.add(cos.sub(1f).square().mul(manager.create(positive, square)).sum().mul((float) weightPositive));
        }
        if (negatives > 0) {
            loss = loss.add(cos.square().mul(manager.create(negative, square)).sum().mul((float) weightNegative));
        }
        return loss;
    }
}
