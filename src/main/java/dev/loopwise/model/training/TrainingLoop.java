package dev.loopwise.model.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The one training loop every trainer runs (the intent head, the reply policy, the reward model, the
 * policy updates and every fine-tuning stage): epochs of mini-batches, one optimizer step per
 * batch, a progress report every few steps, an evaluation after each epoch with the best epoch's state
 * kept (early stopping with patience, the best state restored at the end), a deadline checked between
 * steps (the run stops gracefully and keeps the best so far) and the cancel flag checked between steps.
 * The stage supplies what differs: the batches, the step (forward, loss, backward, optimizer) and the
 * evaluation.
 */
public final class TrainingLoop {
    /** Why a loop ended. */
    public enum Stop { COMPLETED, EARLY_STOPPING, TIME_BUDGET }

    /**
     * One optimizer step on a batch of rows; returns the batch's loss. A step whose loss is not finite must
     * neither back-propagate nor update (see {@link #finite}) and return it: the loop skips that batch, and
     * fails after {@link #MAX_SKIPPED_IN_A_ROW} such batches in a row.
     */
    @FunctionalInterface
    public interface Step {
        double run(int[] rows);
    }

    public static final int MAX_SKIPPED_IN_A_ROW = 3;

    /** For steps: true when the loss may be back-propagated. */
    public static boolean finite(double loss) {
        return Double.isFinite(loss);
    }

    /** Copies the trained state out, and back in (the best epoch's). */
    public interface Snapshot<S> {
        S capture();

        void restore(S state);
    }

    /**
     * @param epoch     1-based epoch index
     * @param metrics   the epoch's train and eval metrics
     * @param score     the evaluation's selection score (NaN without evaluation)
     * @param steps     optimizer steps so far
     * @param partial   the epoch was cut short by the deadline
     */
    public record EpochLog(int epoch, Map<String, Double> metrics, double score, long steps, boolean partial) {
    }

    /**
     * @param bestEpoch the epoch whose state the model now holds (the last one without evaluation)
     * @param best      that epoch's metrics
     */
    public record Outcome(Stop stop, int epochsRun, int bestEpoch, long steps, Map<String, Double> best, List<EpochLog> history) {
        /** Each epoch's metrics, first epoch first. */
        public List<Map<String, Double>> metricsByEpoch() {
            return history.stream().map(EpochLog::metrics).toList();
        }
    }

    private final String stage;
    private final int epochs;
    private final IntFunction<List<int[]>> batches;
    private final Step step;
    private Supplier<Map<String, Double>> evaluation;
    private EpochSelection selection;
    private int patience = Integer.MAX_VALUE;
    private Snapshot<?> snapshot;
    private DoubleSupplier learningRate;
    private TrainingMonitor monitor = TrainingMonitor.none();
    private long deadline = Long.MAX_VALUE;
    private int reportEvery = 10;

    /**
     * @param batches the batches of an epoch (1-based), e.g. freshly shuffled
     */
    public TrainingLoop(String stage, int epochs, IntFunction<List<int[]>> batches, Step step) {
        if (epochs < 1) {
            throw new IllegalArgumentException("A training stage needs at least one epoch");
        }
        this.stage = stage;
        this.epochs = epochs;
        this.batches = Objects.requireNonNull(batches);
        this.step = Objects.requireNonNull(step);
    }

    /** Evaluate after every epoch; keep (and finally restore) the state of the epoch with the best {@code metric}. */
    public <S> TrainingLoop evaluateWith(Supplier<Map<String, Double>> evaluate, String metric, boolean higher, int stopAfter,
                                         Snapshot<S> state) {
        return evaluateWith(evaluate, new EpochSelection(metric, higher, null), stopAfter, state);
    }

    /** Evaluate after every epoch; keep (and finally restore) the state of the epoch {@code selection} prefers. */
    public <S> TrainingLoop evaluateWith(Supplier<Map<String, Double>> evaluate, EpochSelection by, int stopAfter, Snapshot<S> state) {
        this.evaluation = evaluate;
        this.selection = by;
        this.patience = stopAfter;
        this.snapshot = state;
        return this;
    }

    public TrainingLoop monitor(TrainingMonitor value, long deadlineNanos) {
        this.monitor = value;
        this.deadline = deadlineNanos;
        return this;
    }

    public TrainingLoop learningRate(DoubleSupplier value) {
        this.learningRate = value;
        return this;
    }

    public TrainingLoop reportEvery(int steps) {
        this.reportEvery = Math.max(1, steps);
        return this;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Outcome run() {
        List<EpochLog> history = new ArrayList<>();
        Snapshot raw = snapshot;
        Object bestState = null;
        int bestEpoch = 0;
        Map<String, Double> best = Map.of();
        long steps = 0;
        int skipped = 0;
        int skippedInARow = 0;
        Stop stop = Stop.COMPLETED;
        int epoch = 0;
        while (epoch < epochs) {
            epoch++;
            List<int[]> plan = batches.apply(epoch);
            double lossSum = 0;
            int done = 0;
            boolean outOfTime = false;
            for (int[] rows : plan) {
                monitor.checkCancelled(stage, steps);
                if (steps > 0 && monitor.clock().getAsLong() >= deadline) {
                    outOfTime = true;
                    break;
                }
                double loss = step.run(rows);
                if (!Double.isFinite(loss)) {
                    skipped++;
                    if (++skippedInARow >= MAX_SKIPPED_IN_A_ROW) {
                        throw new IllegalStateException("The " + stage + " loss or its gradients were not finite in " + skippedInARow
                                + " batches in a row (step " + (steps + 1) + "); lower the learning rate");
                    }
                    continue;
                }
                skippedInARow = 0;
                lossSum += loss;
                done++;
                steps++;
                if (steps % reportEvery == 0 || done == plan.size()) {
                    Map<String, Double> metrics = new LinkedHashMap<>();
                    metrics.put("train/loss", lossSum / done);
                    metrics.put("train/epoch", epoch - 1 + (double) done / plan.size());
                    if (learningRate != null) {
                        metrics.put("train/learning_rate", learningRate.getAsDouble());
                    }
                    monitor.report(new TrainingProgress(stage, epoch, epochs, done, plan.size(), metrics));
                }
            }
            if (done == 0) {
                epoch--;
                stop = Stop.TIME_BUDGET;
                break;
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("train/loss", lossSum / done);
            metrics.put("train/epoch", epoch - 1 + (double) done / plan.size());
            if (skipped > 0) {
                metrics.put("train/skipped_steps", (double) skipped);
            }
            double score = Double.NaN;
            boolean improved = true;
            if (evaluation != null) {
                monitor.checkCancelled(stage, steps);
                metrics.putAll(evaluation.get());
                score = metrics.getOrDefault(selection.metric(), Double.NaN);
                improved = bestEpoch == 0 || selection.better(metrics, best);
            }
            history.add(new EpochLog(epoch, Map.copyOf(metrics), score, steps, outOfTime));
            monitor.report(new TrainingProgress(stage, epoch, epochs, done, plan.size(), metrics));
            if (improved) {
                bestEpoch = epoch;
                best = Map.copyOf(metrics);
                if (evaluation != null && raw != null && (epoch < epochs && !outOfTime)) {
                    bestState = raw.capture(); // the last epoch's state needs no copy: the model holds it
                } else {
                    bestState = null;
                }
            } else if (epoch - bestEpoch >= patience) {
                stop = Stop.EARLY_STOPPING;
                break;
            }
            if (outOfTime) {
                stop = Stop.TIME_BUDGET;
                break;
            }
        }
        if (bestState != null && bestEpoch != epoch) {
            raw.restore(bestState);
        }
        return new Outcome(stop, epoch, bestEpoch, steps, best, List.copyOf(history));
    }
}
