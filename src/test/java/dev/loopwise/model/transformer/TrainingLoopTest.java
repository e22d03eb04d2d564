package dev.loopwise.model.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The shared loop, the schedule, the batching and the plan, without an encoder (milliseconds). */
class TrainingLoopTest {
    /** A "model" whose state is one number that each step increases; its score peaks at a chosen epoch. */
    static final class Counter {
        int state;
    }

    static TrainingLoop loop(Counter model, int epochs, double[] scoreByEpoch) {
        return new TrainingLoop("test", epochs, epoch -> List.of(new int[] {0}, new int[] {1}), rows -> {
            model.state++;
            return 1.0 / model.state;
        }).evaluateWith(() -> Map.of("eval/score", scoreByEpoch[model.state / 2 - 1]), "eval/score", true, 2,
                new TrainingLoop.Snapshot<Integer>() {
                    @Override
                    public Integer capture() {
                        return model.state;
                    }

                    @Override
                    public void restore(Integer state) {
                        model.state = state;
                    }
                });
    }

    @Test
    void earlyStoppingRestoresTheBestEpoch() {
        Counter model = new Counter();
        TrainingLoop.Outcome outcome = loop(model, 10, new double[] {0.5, 0.7, 0.6, 0.65, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9}).run();
        assertEquals(TrainingLoop.Stop.EARLY_STOPPING, outcome.stop());
        assertEquals(4, outcome.epochsRun());
        assertEquals(2, outcome.bestEpoch());
        assertEquals(4, model.state, "the state after epoch 2 (two steps an epoch) is back");
        assertEquals(0.7, outcome.best().get("eval/score"));
        assertEquals(8, outcome.steps());
    }

    @Test
    void theLastEpochNeedsNoRestore() {
        Counter model = new Counter();
        TrainingLoop.Outcome outcome = loop(model, 3, new double[] {0.1, 0.2, 0.3}).run();
        assertEquals(TrainingLoop.Stop.COMPLETED, outcome.stop());
        assertEquals(3, outcome.bestEpoch());
        assertEquals(6, model.state);
    }

    @Test
    void deadlineStopsBetweenStepsAndKeepsTheBestSoFar() {
        Counter model = new Counter();
        AtomicLong clock = new AtomicLong();
        TrainingMonitor monitor = TrainingMonitor.none().withClock(() -> clock.addAndGet(1));
        // The clock is read before every step but the first and advances at each reading: the deadline 3 allows
        // three steps, so epoch 2 (two steps an epoch) is cut after its first step.
        TrainingLoop.Outcome outcome = loop(model, 10, new double[] {0.5, 0.4, 0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1})
                .monitor(monitor, 3).run();
        assertEquals(TrainingLoop.Stop.TIME_BUDGET, outcome.stop());
        assertEquals(2, outcome.epochsRun(), "the cut epoch is evaluated too");
        assertTrue(outcome.history().get(1).partial());
        assertEquals(1, outcome.bestEpoch());
        assertEquals(2, model.state, "epoch 1's state is restored");
    }

    @Test
    void cancelThrowsBetweenSteps() {
        Counter model = new Counter();
        AtomicInteger polls = new AtomicInteger();
        TrainingMonitor monitor = TrainingMonitor.of(p -> { }, () -> polls.incrementAndGet() > 3);
        FineTuneCancelledException e = assertThrows(FineTuneCancelledException.class,
                () -> loop(model, 10, new double[10]).monitor(monitor, Long.MAX_VALUE).run());
        assertTrue(e.getMessage().contains("test"), e.getMessage());
        assertTrue(model.state <= 3);
    }

    @Test
    void nonFiniteLossesAreSkippedThenRefused() {
        AtomicInteger calls = new AtomicInteger();
        List<double[]> losses = List.of(new double[] {1, Double.NaN, 0.5, 0.4}, new double[] {Double.NaN, Double.NaN, Double.NaN});
        TrainingLoop.Outcome outcome = new TrainingLoop("t", 1, e -> List.of(new int[1], new int[1], new int[1], new int[1]),
                rows -> losses.get(0)[calls.getAndIncrement()]).run();
        assertEquals(3, outcome.steps());
        assertEquals(1.0, outcome.history().get(0).metrics().get("train/skipped_steps"));
        AtomicInteger more = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> new TrainingLoop("t", 1,
                e -> List.of(new int[1], new int[1], new int[1]), rows -> losses.get(1)[more.getAndIncrement()]).run());
    }

    @Test
    void warmUpThenLinearDecayWithLayerWiseRates() {
        LearningRateSchedule schedule = new LearningRateSchedule(1e-3f, 10, 110, Map.of("top", 5, "below", 4, "bottom", 0), 5, 0.5);
        assertEquals(1e-4, schedule.getNewValue("top", 1), 1e-9);
        assertEquals(1e-3, schedule.getNewValue("top", 10), 1e-9);
        assertEquals(1e-3 * 51 / 100, schedule.getNewValue("top", 60), 1e-9);
        assertEquals(1e-5, schedule.getNewValue("top", 110), 1e-7);
        assertEquals(0, schedule.getNewValue("top", 200), 0);
        assertEquals(5e-4, schedule.getNewValue("below", 10), 1e-9);
        assertEquals(1e-3 / 32, schedule.getNewValue("bottom", 10), 1e-9);
        assertEquals(1e-3, schedule.getNewValue("head", 10), 1e-9, "parameters outside the encoder learn at the top rate");
    }

    @Test
    void contrastiveBatchesHoldEveryRowOnceAndDistinctLabels() {
        int[] rows = java.util.stream.IntStream.range(0, 120).toArray();
        int[] labels = java.util.Arrays.stream(rows).map(r -> r % 12).toArray(); // 12 labels × 10 rows
        ContrastiveFineTuneConfig config = ContrastiveFineTuneConfig.defaults(1).withBatch(4, 4);
        List<int[]> batches = ContrastiveFineTuner.pairBatches(rows, labels, config, new Random(3));
        List<Integer> seen = new ArrayList<>();
        batches.forEach(b -> java.util.Arrays.stream(b).forEach(seen::add));
        assertEquals(120, seen.size());
        assertEquals(120, seen.stream().distinct().count());
        long mixed = batches.stream().filter(b -> java.util.Arrays.stream(b).map(r -> labels[r]).distinct().count() > 1).count();
        assertEquals(batches.size(), mixed, "every batch has negative pairs");
        assertTrue(batches.stream().allMatch(b -> b.length <= 16));
    }

    @Test
    void planTunesTheMostLayersTheBudgetAllows() {
        BertConfig minilm = new BertConfig(30522, 384, 6, 12, 1536, 512, 2, 1e-12f);
        BertConfig bge = new BertConfig(30522, 384, 12, 12, 1536, 512, 2, 1e-12f);
        ClassifierFineTuneConfig config = ClassifierFineTuneConfig.defaults(1);
        // CLINC150 full: 15,100 training texts of ≈ 12 tokens, 3,100 validation texts.
        FineTunePlan clinc = FineTuneBudget.classifier(config, minilm, 15_100, 181_000, 37_000, 0);
        assertEquals(905, clinc.budgetSeconds(), 1);
        assertTrue(clinc.estimatedSeconds() <= 0.85 * 905, clinc.toString());
        assertTrue(clinc.epochs() >= 3, clinc.toString());
        FineTunePlan bigger = FineTuneBudget.classifier(config, bge, 15_100, 181_000, 37_000, 0);
        assertTrue(bigger.trainableLayers() < 12 && bigger.cacheLowerLayers(), bigger.toString());
        FineTunePlan tight = FineTuneBudget.classifier(config.withTimeBudget(Duration.ofSeconds(60)), minilm, 15_100, 181_000,
                37_000, 0);
        assertTrue(tight.trainableLayers() < clinc.trainableLayers() || tight.epochs() < clinc.epochs(), tight.toString());
        assertEquals(2, FineTuneBudget.classifier(config.withTrainableLayers(2), minilm, 15_100, 181_000, 37_000, 0)
                .trainableLayers());
        assertEquals(180, FineTuneBudget.defaultBudget(1_000).toSeconds(), 1);
        assertEquals(900, FineTuneBudget.defaultBudget(15_000).toSeconds(), 1);
    }

    @Test
    void configsRefuseNonsense() {
        ClassifierFineTuneConfig ok = ClassifierFineTuneConfig.defaults(1);
        assertThrows(IllegalArgumentException.class, () -> ok.withLearningRates(0.5, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> ok.withEpochs(0));
        assertThrows(IllegalArgumentException.class, () -> ok.withTimeBudget(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ok.withTrainableLayers(-1));
        assertThrows(IllegalArgumentException.class, () -> ContrastiveFineTuneConfig.defaults(1).withBatch(1, 4));
        assertThrows(IllegalArgumentException.class, () -> ContrastiveFineTuneConfig.defaults(1).withBatch(4, 1));
        assertThrows(IllegalArgumentException.class, () -> FineTuneData.of(List.of("a"), List.of("x"), List.of(), List.of(), null));
        FineTuneData data = FineTuneData.of(List.of("a", "b"), List.of("y", "x"), List.of("c", "d"), List.of("x", "unknown"), "oos");
        assertEquals(List.of("x", "y"), data.labels());
        assertArrayEquals(new int[] {1, 0}, data.y());
        assertEquals(List.of("c"), data.validationTexts(), "validation rows of unknown labels are dropped");
        assertEquals(null, data.outOfScopeLabel(), "an out-of-scope label the data does not have is ignored");
    }
}
