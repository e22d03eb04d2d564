package dev.loopwise.model.transformer.tuning;

import dev.loopwise.model.StratifiedSplit;
import dev.loopwise.ticket.HeldOutRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The rows of a fine-tune as the trainers use them: one text list (training then held-out texts), the head's
 * classes, each text's class index (−1 for an out-of-scope row whose label is not a trained class), and which
 * rows train and which are held out. The out-of-scope label is a class of its own when training rows carry it
 * (as in the product's trained regime); without validation rows a stratified share of the training rows is
 * held out (seeded), as the product does.
 */
final class PreparedData {
    final List<String> classes;
    final String outOfScopeLabel;
    final List<String> texts;
    final int[] y;
    final int[] trainRows;
    final int[] heldOutRows;
    final boolean carved;
    /** Carved rows kept for training because a training row is in their words, case and spacing aside. */
    final int seenKept;

    private PreparedData(List<String> classes, String outOfScopeLabel, List<String> texts, int[] y, int[] trainRows,
                         int[] heldOutRows, boolean carved, int seenKept) {
        this.classes = classes;
        this.outOfScopeLabel = outOfScopeLabel;
        this.texts = texts;
        this.y = y;
        this.trainRows = trainRows;
        this.heldOutRows = heldOutRows;
        this.carved = carved;
        this.seenKept = seenKept;
    }

    static PreparedData of(FineTuneData data, double heldOutShare, long seed) {
        int oos = data.outOfScopeIndex();
        boolean oosClass = oos >= 0 && Arrays.stream(data.y()).anyMatch(l -> l == oos);
        List<String> classes = new ArrayList<>(data.labels());
        if (oos >= 0 && !oosClass) {
            classes.remove(oos);
        }
        List<String> texts = new ArrayList<>(data.texts());
        int[] trainY = remap(data.y(), oos, oosClass);
        int[] trainRows;
        int[] heldRows;
        int[] y;
        boolean carved = data.validationTexts().isEmpty();
        int seenKept = 0;
        if (carved) {
            // Checked on a look-alike of a row it trains on, the fine-tune would pick its epoch and threshold on memory.
            int[][] split = StratifiedSplit.holdOut(data.y(), data.labels().size(), heldOutShare, seed,
                    data.texts().stream().map(HeldOutRows::key).toList());
            trainRows = split[0];
            heldRows = split[1];
            seenKept = split[2][0];
            y = trainY;
        } else {
            texts.addAll(data.validationTexts());
            int n = data.texts().size();
            trainRows = IntStream.range(0, n).toArray();
            heldRows = IntStream.range(n, n + data.validationTexts().size()).toArray();
            int[] valY = remap(data.validationY(), oos, oosClass);
            y = Arrays.copyOf(trainY, n + valY.length);
            System.arraycopy(valY, 0, y, n, valY.length);
        }
        if (heldRows.length == 0) {
            throw new IllegalArgumentException("Nothing to keep aside for early stopping and the threshold: give validation "
                    + "rows or at least two training rows per label");
        }
        return new PreparedData(List.copyOf(classes), oosClass ? data.outOfScopeLabel() : null, List.copyOf(texts), y,
                trainRows, heldRows, carved, seenKept);
    }

    /** Label indices to class indices: the out-of-scope label becomes −1 when it is not a class. */
    private static int[] remap(int[] labels, int oos, boolean oosClass) {
        if (oos < 0 || oosClass) {
            return labels.clone();
        }
        return Arrays.stream(labels).map(l -> l == oos ? -1 : l > oos ? l - 1 : l).toArray();
    }

    int outOfScopeClass() {
        return outOfScopeLabel == null ? -1 : classes.indexOf(outOfScopeLabel);
    }

    int[] labelsOf(int[] rows) {
        return Arrays.stream(rows).map(r -> y[r]).toArray();
    }

    /** The rows whose class is a trained class (what a cross-entropy can be computed on). */
    int[] withClass(int[] rows) {
        return Arrays.stream(rows).filter(r -> y[r] >= 0).toArray();
    }

    int[] allRows() {
        int[] all = Arrays.copyOf(trainRows, trainRows.length + heldOutRows.length);
        System.arraycopy(heldOutRows, 0, all, trainRows.length, heldOutRows.length);
        return all;
    }
}
