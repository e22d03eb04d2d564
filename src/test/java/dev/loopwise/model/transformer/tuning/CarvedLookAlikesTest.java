package dev.loopwise.model.transformer.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.StratifiedSplit;
import dev.loopwise.ticket.HeldOutRows;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Without validation rows, a fine-tune and the intent head carve a share of the training rows to choose their epoch and
 * out-of-scope threshold on. A ticket listed twice, or once more in other case and spacing, is one row to the model: split
 * apart, the choice would be made on a row it learned.
 */
class CarvedLookAlikesTest {
    @Test
    void aFineTuneChoosesOnNoLookAlikeOfARowItTrainsOn() {
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String label = i % 2 == 0 ? "refund" : "delivery";
            String text = label + " question number " + i;
            texts.add(text);
            texts.add("  " + text.toUpperCase(Locale.ROOT).replace(" ", "\t "));
            labels.add(label);
            labels.add(label);
        }
        PreparedData prep = PreparedData.of(FineTuneData.of(texts, labels, List.of(), List.of(), null), 0.2, 7);

        Set<String> trained = Arrays.stream(prep.trainRows).mapToObj(r -> HeldOutRows.key(prep.texts.get(r))).collect(Collectors.toSet());
        List<String> onBothSides = Arrays.stream(prep.heldOutRows).mapToObj(r -> HeldOutRows.key(prep.texts.get(r)))
                .filter(trained::contains).toList();
        assertFalse(prep.heldOutRows.length == 0, "some rows are still held out");
        assertTrue(onBothSides.isEmpty(), "chosen on rows it trained on: " + onBothSides);
        assertTrue(prep.seenKept > 0, "the look-alikes kept for training are counted");
        assertEquals(texts.size(), prep.trainRows.length + prep.heldOutRows.length, "every row is on one side");
    }

    @Test
    void theIntentHeadKeepsRowsOfOneVectorOnOneSide() {
        int[] labels = new int[60];
        List<FloatBuffer> vectors = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / 2 % 3;
            vectors.add(FloatBuffer.wrap(new float[] {i / 2, 1})); // rows 2k and 2k+1 have one vector and one label
        }
        int[][] split = StratifiedSplit.holdOut(labels, 3, 0.3, 11, vectors);

        Set<FloatBuffer> kept = Arrays.stream(split[0]).mapToObj(vectors::get).collect(Collectors.toSet());
        assertTrue(split[1].length > 0 && Arrays.stream(split[1]).noneMatch(r -> kept.contains(vectors.get(r))),
                Arrays.toString(split[1]));
        int[][] plain = StratifiedSplit.holdOut(labels, 3, 0.3, 11);
        assertEquals(plain[1].length - split[1].length, split[2][0], "the rows moved are counted");
    }
}
