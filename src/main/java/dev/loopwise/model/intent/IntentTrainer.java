package dev.loopwise.model.intent;

import dev.loopwise.model.OutOfScopeThreshold;
import dev.loopwise.model.StratifiedSplit;
import dev.loopwise.model.training.LinearHeadTrainer;
import dev.loopwise.model.training.TrainingMonitor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Fits the intent classifier in the regime the data allows: zero-shot from descriptions alone,
 * few-shot prototypes from a handful of examples, or a trained linear head — then chooses the
 * out-of-scope threshold on data the classifier did not learn from.
 */
public final class IntentTrainer {
    /**
     * Metric: training rows drawn to be held out for the epoch count and the threshold that were fitted instead, being
     * look-alikes of fitted rows; named like the fine-tune's {@code finetune/held_out_seen_tickets}, absent when none were.
     */
    public static final String HELD_OUT_SEEN = "head/held_out_seen_tickets";

    private IntentTrainer() {
    }

    public static IntentTrainingResult train(IntentTrainingConfig config, IntentTrainingData data) {
        long started = System.nanoTime();
        String regime = config.regime().equals(IntentTrainingConfig.AUTO) ? chooseRegime(config, data) : config.regime();
        IntentTrainingResult result = switch (regime) {
            case IntentHead.ZERO_SHOT -> zeroShot(config, data);
            case IntentHead.FEW_SHOT -> fewShot(config, data);
            default -> trained(config, data);
        };
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new IntentTrainingResult(result.head(), result.epochs(), result.heldOutLoss(), millis, result.outOfScopeHeldOut(),
                result.heldOutSeen());
    }

    static String chooseRegime(IntentTrainingConfig config, IntentTrainingData data) {
        int[] counts = data.train().counts(data.labels().size());
        int oos = data.outOfScopeIndex();
        int fewest = Integer.MAX_VALUE;
        for (int c = 0; c < counts.length; c++) {
            if (c != oos) {
                fewest = Math.min(fewest, counts[c]);
            }
        }
        if (data.train().size() == 0) {
            return IntentHead.ZERO_SHOT;
        }
        return fewest >= config.minTrainedExamples() ? IntentHead.TRAINED : IntentHead.FEW_SHOT;
    }

    private static IntentTrainingResult zeroShot(IntentTrainingConfig config, IntentTrainingData data) {
        if (data.descriptions() == null) {
            throw new IllegalArgumentException("Zero-shot classification needs a description of every intent");
        }
        List<String> inScope = new ArrayList<>(data.labels());
        float[][] descriptions = data.descriptions();
        int oos = data.outOfScopeIndex();
        if (oos >= 0) {
            inScope.remove(oos);
            descriptions = dropRow(descriptions, oos);
        }
        IntentHead head = Prototypes.zeroShot(inScope, descriptions, config.defaultThreshold());
        LabelledVectors heldOut = data.validation();
        if (heldOut.size() > 0) {
            head = head.withThreshold(threshold(head, heldOut, data, config));
        }
        return new IntentTrainingResult(head, 0, Double.NaN, 0, heldOut.count(oos), 0);
    }

    private static IntentTrainingResult fewShot(IntentTrainingConfig config, IntentTrainingData data) {
        int oos = data.outOfScopeIndex();
        IntentHead head = Prototypes.fewShot(data.labels(), data.train(), data.descriptions(), oos);
        if (data.validation().size() > 0) {
            return new IntentTrainingResult(head.withThreshold(threshold(head, data.validation(), data, config)), 0, Double.NaN, 0,
                    data.validation().count(oos), 0);
        }
        // Nothing held out: judge each example by prototypes built without it (leave-one-out).
        LabelledVectors train = data.train();
        double[] confidence = new double[train.size()];
        boolean[] correct = new boolean[train.size()];
        boolean[] isOos = new boolean[train.size()];
        for (int i = 0; i < train.size(); i++) {
            int left = i;
            int[] others = IntStream.range(0, train.size()).filter(j -> j != left).toArray();
            IntentHead without = Prototypes.fewShot(data.labels(), train.subset(others), data.descriptions(), oos);
            IntentPrediction p = without.predict(train.vectors()[i]);
            confidence[i] = p.confidence();
            isOos[i] = train.labels()[i] == oos;
            correct[i] = p.label().equals(data.labels().get(train.labels()[i]));
        }
        double t = OutOfScopeThreshold.choose(confidence, correct, isOos, new boolean[train.size()], config.retention(), config.outOfScopeWeight());
        return new IntentTrainingResult(head.withThreshold(t), 0, Double.NaN, 0, train.count(oos), 0);
    }

    private static IntentTrainingResult trained(IntentTrainingConfig config, IntentTrainingData data) {
        int oos = data.outOfScopeIndex();
        boolean oosClass = oos >= 0 && config.outOfScopeAsClass() && data.train().counts(data.labels().size())[oos] > 0;
        List<String> classes = new ArrayList<>(data.labels());
        LabelledVectors train = data.train();
        LabelledVectors validation = data.validation();
        List<Integer> lookAlikes = LookAlikeRows.keys(data.trainTexts(), train.vectors());
        if (oos >= 0 && !oosClass) {
            classes.remove(oos);
            int[] inScope = rowsWithout(train, oos);
            lookAlikes = Arrays.stream(inScope).mapToObj(lookAlikes::get).toList();
            train = relabelWithout(train, oos);
        }
        boolean carved = validation.size() == 0;
        LabelledVectors fitOn = train;
        LabelledVectors heldOut = oosClass || oos < 0 ? validation : relabelWithout(validation, oos);
        int seen = 0;
        if (carved) {
            // A row alike a kept one (a duplicate, in other case and spacing, or read alike by the encoder) would choose
            // the epoch count and the threshold on what the head learned.
            int[][] split = StratifiedSplit.holdOut(train.labels(), classes.size(), config.heldOutShare(), config.seed(), lookAlikes);
            fitOn = train.subset(split[0]);
            heldOut = train.subset(split[1]);
            seen = split[2][0];
        }
        LinearHeadTrainer.Result fit = LinearHeadTrainer.train(headSettings(config, config.maxEpochs()), fitOn.vectors(),
                fitOn.labels(), heldOut.vectors(), heldOut.labels(), classes.size(), "head", TrainingMonitor.none());
        IntentHead head = new IntentHead(IntentHead.TRAINED, List.copyOf(classes), fit.weights(), fit.bias(), 0,
                oosClass ? data.labels().get(oos) : null);
        double t = carved
                ? threshold(head, heldOut, classes, oosClass ? classes.indexOf(data.labels().get(oos)) : -1, config)
                : threshold(head, data.validation(), data, config);
        if (carved && fit.epochs() > 0) {
            // The held-out rows chose the epoch count and the threshold; now let the head learn from them too.
            LinearHeadTrainer.Result full = LinearHeadTrainer.train(headSettings(config, fit.epochs()), train.vectors(),
                    train.labels(), null, null, classes.size(), "head", TrainingMonitor.none());
            head = new IntentHead(IntentHead.TRAINED, head.labels(), full.weights(), full.bias(), 0, head.outOfScopeLabel());
        }
        int oosHeldOut = carved ? (oosClass ? heldOut.count(classes.indexOf(data.labels().get(oos))) : 0) : data.validation().count(oos);
        return new IntentTrainingResult(head.withThreshold(t), fit.epochs(), fit.heldOutLoss(), 0, oosHeldOut, seen);
    }

    private static LinearHeadTrainer.Settings headSettings(IntentTrainingConfig config, int epochs) {
        return new LinearHeadTrainer.Settings(config.learningRate(), config.batchSize(), epochs, config.patience(), config.seed());
    }

    private static double threshold(IntentHead head, LabelledVectors heldOut, IntentTrainingData data, IntentTrainingConfig config) {
        return threshold(head, heldOut, data.labels(), data.outOfScopeIndex(), config);
    }

    /** Threshold from held-out rows whose labels index {@code labels}; {@code oos} is that list's out-of-scope index. */
    private static double threshold(IntentHead head, LabelledVectors heldOut, List<String> labels, int oos,
                                    IntentTrainingConfig config) {
        int n = heldOut.size();
        double[] confidence = new double[n];
        boolean[] correct = new boolean[n];
        boolean[] isOos = new boolean[n];
        boolean[] byClass = new boolean[n];
        IntentHead noThreshold = head.withThreshold(0);
        for (int i = 0; i < n; i++) {
            IntentPrediction p = noThreshold.predict(heldOut.vectors()[i]);
            confidence[i] = p.confidence();
            isOos[i] = heldOut.labels()[i] == oos;
            correct[i] = p.label().equals(labels.get(heldOut.labels()[i]));
            byClass[i] = p.outOfScope();
        }
        return OutOfScopeThreshold.choose(confidence, correct, isOos, byClass, config.retention(), config.outOfScopeWeight());
    }

    /** Drops the rows of class {@code removed} and shifts higher class indices down by one. */
    private static LabelledVectors relabelWithout(LabelledVectors data, int removed) {
        LabelledVectors kept = data.subset(rowsWithout(data, removed));
        int[] labels = Arrays.stream(kept.labels()).map(l -> l > removed ? l - 1 : l).toArray();
        return new LabelledVectors(kept.vectors(), labels);
    }

    private static int[] rowsWithout(LabelledVectors data, int removed) {
        return IntStream.range(0, data.size()).filter(i -> data.labels()[i] != removed).toArray();
    }

    private static float[][] dropRow(float[][] rows, int removed) {
        float[][] out = new float[rows.length - 1][];
        for (int i = 0, j = 0; i < rows.length; i++) {
            if (i != removed) {
                out[j++] = rows[i];
            }
        }
        return out;
    }
}
