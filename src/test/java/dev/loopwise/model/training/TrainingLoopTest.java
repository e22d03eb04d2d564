package dev.loopwise.model.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The shared training loop, without a model (milliseconds). */
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
                snapshot(model));
    }

    static TrainingLoop.Snapshot<Integer> snapshot(Counter model) {
        return new TrainingLoop.Snapshot<>() {
            @Override
            public Integer capture() {
                return model.state;
            }

            @Override
            public void restore(Integer state) {
                model.state = state;
            }
        };
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
        TrainingCancelledException e = assertThrows(TrainingCancelledException.class,
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
    void tiesInTheSelectionMetricGoToTheLowerTieBreak() {
        Counter model = new Counter();
        double[] accuracy = {0.8, 0.9, 0.9, 0.9, 0.85};
        double[] loss = {0.6, 0.5, 0.3, 0.4, 0.2};
        TrainingLoop.Outcome outcome = new TrainingLoop("test", 5, epoch -> List.of(new int[] {0}), rows -> {
            model.state++;
            return 1.0;
        }).evaluateWith(() -> Map.of("eval/accuracy", accuracy[model.state - 1], "eval/loss", loss[model.state - 1]),
                EpochSelection.highest("eval/accuracy").thenLowest("eval/loss"), 10, snapshot(model)).run();
        assertEquals(3, outcome.bestEpoch(), "epoch 3 ties epoch 2 on accuracy with a lower loss; epoch 5's loss is lower but its accuracy is not");
        assertEquals(3, model.state);
        Counter plain = new Counter();
        TrainingLoop.Outcome first = new TrainingLoop("test", 5, epoch -> List.of(new int[] {0}), rows -> {
            plain.state++;
            return 1.0;
        }).evaluateWith(() -> Map.of("eval/accuracy", accuracy[plain.state - 1]), "eval/accuracy", true, 10, snapshot(plain)).run();
        assertEquals(2, first.bestEpoch(), "without a tie-break the first of equals is kept");
    }
}
