package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code auto} keeps the cross-encoder only when a sign test on the preferences the two models handle differently shows
 * it better, from at least 10 tickets, as the promotion gates decide. Each case is a list of (cross-encoder, vector)
 * outcomes: +1 ranked right, 0 both replies scored alike (a tie), −1 ranked wrong.
 */
class CrossEncoderChoiceTest {

    @Test
    void aTieIsNoHalfWin() {
        // Both right on 7, the cross-encoder right where the vector model tied on 3. Counted half a win each, the mean gain
        // 0.15 exceeded its standard error 0.076; as a sign test it is 3 of 3, P = 1/8 = 0.125: not clearly better.
        assertFalse(better(cases(7, 1, 1, 3, 1, 0), 10));
        // Right where the vector model is wrong on 6, wrong where it tied on 4. Half a loss each, the mean gain 0.4 exceeded its
        // standard error 0.245; those 4 are whole losses: 6 of 10, P(X ≥ 6 | Bin(10, ½)) = 386/1024 = 0.377.
        assertFalse(better(cases(6, 1, -1, 4, -1, 0), 10));
        // Against a vector model that ties everything, the cross-encoder's own rankings decide: 15 right of 20,
        // P(X ≥ 15 | Bin(20, ½)) = 21700/1048576 = 0.021 < 0.05.
        assertTrue(better(cases(15, 1, 0, 5, -1, 0), 20));
        // ... and 14 right of 20 is P = 60460/1048576 = 0.058: not yet.
        assertFalse(better(cases(14, 1, 0, 6, -1, 0), 20));
    }

    @Test
    void preferencesBothModelsHandleAlikeAreKeptApart() {
        // Right where the vector model is wrong on 5, and 100 both get right, both get wrong or both tie: 5 of 5, P = 1/32.
        List<int[]> mixed = cases(5, 1, -1, 40, 1, 1);
        mixed.addAll(cases(30, -1, -1, 30, 0, 0));
        assertTrue(better(mixed, 10));
        // Every preference tied by both: nothing to decide on.
        assertFalse(better(cases(40, 0, 0), 10));
        // 4 of 4 is P = 1/16: not enough.
        assertFalse(better(cases(4, 1, -1, 20, 1, 1), 10));
    }

    @Test
    void noDataOrOneTicketKeepsTheVectorModel() {
        assertFalse(CrossEncoderRewards.crossClearlyBetter(new double[0], new double[0], new int[0], List.of()));
        // 20 reply pairs of one ticket, all right for the cross-encoder and wrong for the vector model: P = 1/2^20, yet it is
        // one ticket's reading. Spread over 10 tickets it decides; over 9 it does not.
        List<int[]> twenty = cases(20, 1, -1);
        assertFalse(better(twenty, 1));
        assertFalse(better(twenty, 9));
        assertTrue(better(twenty, 10));
        // Comparisons that are not preferences (ties and "both bad" judgements) are not scored and bring no ticket.
        double[] cross = new double[20];
        double[] vector = new double[20];
        int[] kinds = new int[20];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cross[i] = 1;
            vector[i] = -1;
            kinds[i] = i < 10 ? 0 : 1;
            names.add(i < 10 ? "a" : "t" + i);
        }
        assertFalse(CrossEncoderRewards.crossClearlyBetter(cross, vector, kinds, names));
    }

    @Test
    void aCrossEncoderThatScoresNotANumberRanksNothingRight() {
        // A diverged cross-encoder (NaN rewards) against a vector model right on 12 of 20 tickets: it must not win.
        int n = 20;
        double[] cross = new double[n];
        double[] vector = new double[n];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cross[i] = Double.NaN;
            vector[i] = i < 12 ? 0.5 : -0.5;
            names.add("ticket " + i);
        }
        assertFalse(CrossEncoderRewards.crossClearlyBetter(cross, vector, new int[n], names));
        // Signed zeros are both ties: -0.0 against 0.0 is no win for either.
        double[] negativeZero = new double[n];
        Arrays.fill(negativeZero, -0.0);
        assertFalse(CrossEncoderRewards.crossClearlyBetter(new double[n], negativeZero, new int[n], names));
    }

    /** Outcome pairs: count, cross-encoder, vector, count, cross-encoder, vector, … */
    private static List<int[]> cases(int... groups) {
        List<int[]> out = new ArrayList<>();
        for (int g = 0; g < groups.length; g += 3) {
            for (int i = 0; i < groups[g]; i++) {
                out.add(new int[] {groups[g + 1], groups[g + 2]});
            }
        }
        return out;
    }

    /** The first {@code tickets} preferences each from a ticket of its own, the rest from the first ticket. */
    private static boolean better(List<int[]> outcomes, int tickets) {
        int n = outcomes.size();
        double[] cross = new double[n];
        double[] vector = new double[n];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // A reward difference of ±0.7 or exactly 0: only its sign matters.
            cross[i] = 0.7 * outcomes.get(i)[0];
            vector[i] = 0.7 * outcomes.get(i)[1];
            names.add("ticket " + (i < tickets ? i : 0));
        }
        return CrossEncoderRewards.crossClearlyBetter(cross, vector, new int[n], names);
    }
}
