package dev.loopwise.model.transformer.crossencoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.loopwise.model.BradleyTerryLoss;
import dev.loopwise.model.Djl;
import dev.loopwise.model.training.EpochSelection;
import dev.loopwise.model.training.TrainingLoop;
import dev.loopwise.model.training.TrainingMonitor;
import dev.loopwise.model.transformer.EncoderSource;
import dev.loopwise.model.transformer.TokenizedTexts;
import dev.loopwise.model.transformer.bert.BertConfig;
import dev.loopwise.model.transformer.bert.BertEncoder;
import dev.loopwise.model.transformer.tuning.CrossEncoderRewardConfig;
import dev.loopwise.model.transformer.tuning.EncoderFeed;
import dev.loopwise.model.transformer.tuning.EncoderHeadTraining;
import dev.loopwise.model.transformer.tuning.FineTuneBudget;
import dev.loopwise.model.transformer.tuning.FineTunePlan;
import dev.loopwise.model.transformer.tuning.LowerLayerCache;
import dev.loopwise.model.transformer.tuning.Stopwatch;
import dev.loopwise.model.transformer.tuning.TuningSteps;
import dev.loopwise.model.transformer.tuning.TuningThreads;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The cross-encoder reward model: ticket and reply read together ({@code [CLS] x [SEP] a [SEP]}, token types
 * 0 and 1, see {@link PairTokens}) by the pre-trained encoder, its top layers tuned with a scalar head on the
 * pooled state (r(x, a) as {@link CrossEncoderReward} defines it).
 *
 * <p>Loss: the product's Bradley–Terry loss ({@link BradleyTerryLoss}), with Δ = r(x, a₁) − r(x, a₂) and the
 * judgement's reviewer weight w: preference (a₁ chosen, margin m ≥ 0) ℓ = −log σ(Δ − m); tie
 * ℓ = −½·log σ(Δ) − ½·log σ(−Δ); both bad ℓ = −log σ(−r(x, a₁)) − log σ(−r(x, a₂)); per batch L = Σ w·ℓ / Σ w.
 *
 * <p>Recipe: tokenize each distinct ticket–reply input once; plan tuned depth and epochs to the time budget
 * ({@link FineTuneBudget#reward}); run the frozen layers once per input when that pays ({@link LowerLayerCache});
 * tune layers (AdamW, layer-wise decay) and head (Adam, from weights so small that rewards start near 0 and the
 * loss at log 2, yet not zero, which would give the layers no gradient) on length-bucketed batches of judgements, warm-up then linear decay, through the shared
 * {@link TrainingLoop}; after each epoch measure pairwise accuracy on the held-out judgements and keep the best
 * epoch (early stopping, time budget, cancel).
 */
public final class CrossEncoderRewardTrainer {
    private static final int EMBED_BATCH = TuningSteps.EMBED_BATCH;

    private CrossEncoderRewardTrainer() {
    }

    /** Judgements to train on and held-out ones to choose the epoch by (empty: a share of {@code train} is carved). */
    public record Data(RewardPairs train, RewardPairs validation) {
    }

    /**
     * @param metrics {@code eval/accuracy} and {@code eval/loss} on the held-out judgements at the chosen epoch,
     *                {@code train/*}, {@code time/*} (seconds per stage)
     */
    public record Result(CrossEncoderReward model, FineTunePlan plan, String stop, int epochs, int bestEpoch,
                         Map<String, Double> metrics, List<Map<String, Double>> history) {
    }

    public static Result train(EncoderSource source, CrossEncoderRewardConfig config, Data data, TrainingMonitor monitor) {
        try (TuningThreads.Lease pool = TuningThreads.widen()) {
            return trainOnWidePool(source, config, data, monitor);
        }
    }

    private static Result trainOnWidePool(EncoderSource source, CrossEncoderRewardConfig config, Data data, TrainingMonitor monitor) {
        Djl.configure();
        Stopwatch watch = new Stopwatch(monitor);
        RewardPairs train = data.train();
        RewardPairs held = data.validation();
        if (held.size() == 0) {
            RewardPairs[] split = train.splitByTicket(config.heldOutShare(), config.seed());
            train = split[0];
            held = split[1];
        }
        if (train.size() == 0 || held.preferences() == 0) {
            throw new IllegalArgumentException("The reward model needs judgements to train on and preferences kept aside for measuring");
        }
        RewardInputs inputs = new RewardInputs();
        int[][] trainRows = inputs.add(train);
        int[][] heldRows = inputs.add(held);
        TokenizedTexts texts = PairTokens.tokenize(source.tokenizer(), config.maxTokens(), inputs.tickets, inputs.replies);
        watch.lap("tokenize");
        BertConfig bert = BertEncoder.readConfig(source.onnx(), OptionalInt.empty());
        int[] allRows = IntStream.range(0, texts.size()).toArray();
        int[] heldDistinct = IntStream.concat(Arrays.stream(heldRows[0]),
                Arrays.stream(heldRows[1])).distinct().toArray();
        FineTunePlan plan = FineTuneBudget.reward(config, bert, train.size(),
                texts.totalTokens(trainRows[0]) + texts.totalTokens(trainRows[1]), texts.totalTokens(heldDistinct),
                texts.totalTokens(allRows), LowerLayerCache.estimateBytes(texts, allRows, bert.hidden()));
        // Training steps stop early enough for the evaluation after them to end within the budget.
        double stepSeconds = Math.max(plan.budgetSeconds() / 2,
                plan.budgetSeconds() - FineTuneBudget.rewardEvaluationSeconds(bert, plan, texts.totalTokens(heldDistinct)));
        long deadline = watch.deadline(stepSeconds);
        TuningSteps.begin(plan, config.seed(), monitor);
        Map<String, Double> metrics = new LinkedHashMap<>();
        float scale = CrossEncoderReward.scaleFor(bert);
        RewardPairs trainPairs = train;
        RewardPairs heldPairs = held;
        try (BertEncoder encoder = TuningSteps.load(source, plan, config.maxTokens(), config.dropout(), watch);
             EncoderHeadTraining tuning = new EncoderHeadTraining("reward-head", 1, encoder, bert)) {
            EncoderFeed feed = TuningSteps.feed(encoder, texts, plan, allRows, metrics, watch, monitor);
            int stepsPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
            // When not even one epoch fits, the rates decay to zero where the deadline is expected to stop the run.
            double fits = Math.min(1, plan.budgetSeconds() * FineTuneBudget.USABLE / plan.estimatedSeconds());
            int total = Math.max(1, (int) Math.round(stepsPerEpoch * plan.epochs() * fits));
            BradleyTerryLoss loss = new BradleyTerryLoss();
            Random random = new Random(config.seed());
            TrainingLoop.Outcome outcome = tuning.train(loss, new EncoderHeadTraining.Rates(config.learningRate(),
                            config.headLearningRate(), config.warmupShare(), config.layerDecay(), config.weightDecay(), total),
                    smallWeights(bert.hidden(), config.seed()), new float[1],
                    session -> new TrainingLoop("reward", plan.epochs(),
                            epoch -> RewardInputs.batches(texts, trainRows, config.batchSize(), random),
                            pairs -> {
                                int n = pairs.length;
                                int[] rows = new int[2 * n];
                                for (int i = 0; i < n; i++) {
                                    rows[i] = trainRows[0][pairs[i]];
                                    rows[n + i] = trainRows[1][pairs[i]];
                                }
                                return session.step(batch -> {
                                    NDList labels = labels(batch, trainPairs, pairs);
                                    return () -> {
                                        NDArray pooled = feed.forward(batch, rows, true).get(0).mul(scale);
                                        NDArray rewards = session.head(pooled).singletonOrThrow().reshape(2, n).transpose();
                                        return loss.evaluate(labels, new NDList(rewards));
                                    };
                                });
                            })
                            .evaluateWith(() -> evaluate(feed, current(encoder, tuning, scale, config), heldRows,
                                            heldDistinct, heldPairs, monitor),
                                    EpochSelection.highest("eval/accuracy").thenLowest("eval/loss"), config.patience(),
                                    session.snapshot())
                            .monitor(monitor, deadline)
                            .learningRate(session::learningRate)
                            .reportEvery(20));
            watch.lap("reward");
            metrics.putAll(outcome.best());
            metrics.put("train/epochs", (double) outcome.epochsRun());
            metrics.put("train/steps", (double) outcome.steps());
            metrics.put("train/judgements", (double) train.size());
            metrics.put("eval/judgements", (double) held.size());
            metrics.putAll(watch.times());
            return new Result(current(encoder, tuning, scale, config), plan, outcome.stop().name(), outcome.epochsRun(),
                    outcome.bestEpoch(), metrics, outcome.metricsByEpoch());
        }
    }

    /** N(0, σ²), σ = 0.1/hidden: on inputs of about unit size per coordinate, rewards start with spread 0.1/√hidden. */
    private static float[] smallWeights(int hidden, long seed) {
        Random random = new Random(seed);
        float[] w = new float[hidden];
        for (int d = 0; d < hidden; d++) {
            w[d] = (float) (random.nextGaussian() * 0.1 / hidden);
        }
        return w;
    }


    private static CrossEncoderReward current(BertEncoder encoder, EncoderHeadTraining tuning, float scale,
                                              CrossEncoderRewardConfig config) {
        return new CrossEncoderReward(encoder.tunedWeights(), tuning.weight(), tuning.bias()[0], scale, config.maxTokens());
    }

    private static Map<String, Double> evaluate(EncoderFeed feed, CrossEncoderReward model, int[][] rows, int[] distinct,
                                                RewardPairs pairs, TrainingMonitor monitor) {
        float[][] units = feed.embed(distinct, EMBED_BATCH, monitor, "reward");
        Map<Integer, Double> byRow = new HashMap<>();
        for (int i = 0; i < distinct.length; i++) {
            byRow.put(distinct[i], model.reward(units[i]));
        }
        double[] first = Arrays.stream(rows[0]).mapToDouble(byRow::get).toArray();
        double[] second = Arrays.stream(rows[1]).mapToDouble(byRow::get).toArray();
        return Map.of("eval/accuracy", RewardMetrics.accuracy(first, second, pairs.kinds()),
                "eval/loss", RewardMetrics.loss(first, second, pairs));
    }

    private static NDList labels(NDManager manager, RewardPairs pairs, int[] rows) {
        float[] kinds = new float[rows.length];
        float[] margins = new float[rows.length];
        float[] weights = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            kinds[i] = pairs.kinds()[rows[i]];
            margins[i] = pairs.margins()[rows[i]];
            weights[i] = pairs.weights()[rows[i]];
        }
        return new NDList(manager.create(kinds), manager.create(margins), manager.create(weights));
    }
}
