package dev.loopwise.model.transformer.tuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.transformer.bert.BertConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The learning-rate schedule, the contrastive batching and the fine-tune plan, without an encoder (milliseconds). */
class FineTunePlanTest {
    private int threadsBefore;

    @org.junit.jupiter.api.BeforeEach
    void pinThreads() {
        threadsBefore = TuningThreads.configured();
        TuningThreads.configure(2); // plans depend on the threads; the build machine's two cores
    }

    @org.junit.jupiter.api.AfterEach
    void restoreThreads() {
        TuningThreads.configure(threadsBefore);
    }

    @Test
    void moreThreadsPlanDeeperWithinTheSameBudget() {
        BertConfig bge = new BertConfig(30522, 384, 12, 12, 1536, 512, 2, 1e-12f);
        ClassifierFineTuneConfig config = ClassifierFineTuneConfig.defaults(1);
        TuningThreads.configure(1);
        FineTunePlan one = FineTuneBudget.classifier(config, bge, 15_100, 181_000, 37_000, 0);
        TuningThreads.configure(2);
        FineTunePlan two = FineTuneBudget.classifier(config, bge, 15_100, 181_000, 37_000, 0);
        assertEquals(one.budgetSeconds(), two.budgetSeconds(), 1e-9, "the budget is the same");
        assertTrue(two.trainableLayers() > one.trainableLayers(), one + " vs " + two);
        assertEquals(1.7, TuningThreads.speedup(2), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> TuningThreads.configure(0));
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
        int[] rows = IntStream.range(0, 120).toArray();
        int[] labels = Arrays.stream(rows).map(r -> r % 12).toArray(); // 12 labels × 10 rows
        ContrastiveFineTuneConfig config = ContrastiveFineTuneConfig.defaults(1).withBatch(4, 4);
        List<int[]> batches = ContrastiveFineTuner.pairBatches(rows, labels, config, new Random(3));
        List<Integer> seen = new ArrayList<>();
        batches.forEach(b -> Arrays.stream(b).forEach(seen::add));
        assertEquals(120, seen.size());
        assertEquals(120, seen.stream().distinct().count());
        long mixed = batches.stream().filter(b -> Arrays.stream(b).map(r -> labels[r]).distinct().count() > 1).count();
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
