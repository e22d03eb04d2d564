package dev.loopwise.review.judging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loopwise.review.item.ReviewItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementTest {

    @Test
    void krippendorffAlphaMatchesAHandComputedCase() {
        List<List<String>> units = List.of(List.of("a", "a"), List.of("b", "b"), List.of("a", "b"), List.of("a", "a", "b"));
        // Coincidences: o_aa = 3, o_bb = 2, o_ab = o_ba = 2; n = 9, n_a = 5, n_b = 4.
        // α = 1 − (n − 1)·(o_ab + o_ba) / (2·n_a·n_b) = 1 − 8·4/40 = 0.2
        assertEquals(0.2, Agreement.krippendorffAlpha(units), 1e-12);
        assertEquals(1.0, Agreement.krippendorffAlpha(List.of(List.of("a", "a"), List.of("b", "b", "b"))), 1e-12);
        assertNull(Agreement.krippendorffAlpha(List.of(List.of("a", "a"))), "one unit says nothing about agreement");
        assertNull(Agreement.krippendorffAlpha(List.of(List.of("a", "a"), List.of("a", "a"))), "no variation: undefined");
    }

    @Test
    void cohensKappaMatchesAHandComputedCase() {
        // p_o = 0.75, p_e = 0.5·0.25 + 0.5·0.75 = 0.5, so κ = 0.5
        assertEquals(0.5, Agreement.cohensKappa(List.of("y", "y", "n", "n"), List.of("y", "n", "n", "n")), 1e-12);
    }

    /**
     * Krippendorff's own worked example (Computing Krippendorff's Alpha-Reliability, 2011: four observers, twelve units,
     * gaps), whose nominal alpha he gives as 0.743. Unit 12 has one value and pairs nothing. n = 40, the off-diagonal
     * total 8 and Σ_{c≠k} n_c·n_k = 1216: α = 1 − 39·8/1216 = 0.74342.
     */
    static final List<List<String>> KRIPPENDORFF_2011 = List.of(List.of("1", "1", "1"), List.of("2", "2", "3", "2"),
            List.of("3", "3", "3", "3"), List.of("3", "3", "3", "3"), List.of("2", "2", "2", "2"), List.of("1", "2", "3", "4"),
            List.of("4", "4", "4", "4"), List.of("1", "1", "2", "1"), List.of("2", "2", "2", "2"), List.of("5", "5", "5"),
            List.of("1", "1"), List.of("3"));

    @Test
    void krippendorffAlphaMatchesHisPublishedExample() {
        assertEquals(1 - 39.0 * 8 / 1216, Agreement.krippendorffAlpha(KRIPPENDORFF_2011), 1e-12);
        assertEquals(0.743, Agreement.krippendorffAlpha(KRIPPENDORFF_2011), 5e-4);
    }

    @Test
    void theRunningSumsTheReviewPageReadsGiveTheSameAlphaOnHisExample() {
        // The page's alpha comes from per-item sums and n² − Σ n_c², not from the units at once: the same 0.74342.
        TallySums sums = new TallySums();
        LocalDate day = LocalDate.of(2026, 3, 1);
        for (List<String> unit : KRIPPENDORFF_2011) {
            List<TallySums.Vote> votes = new ArrayList<>();
            for (int i = 0; i < unit.size(); i++) {
                votes.add(new TallySums.Vote(i + 1, unit.get(i), day));
            }
            sums.add(TallySums.of(new TallySums.Item(ReviewItem.OVERLAP, null, votes)), 1);
        }
        AlphaSeries series = sums.series();
        assertEquals(1 - 39.0 * 8 / 1216, series.alpha(), 1e-12);
        assertEquals(11, series.units(), "the unit with one value is no unit of agreement");
    }

    @Test
    void alphaEdgeCases() {
        assertNull(Agreement.krippendorffAlpha(List.of()), "no overlap at all");
        assertNull(Agreement.krippendorffAlpha(List.of(List.of("a"), List.of("b"), List.of("a"))), "a lone reviewer per item");
        assertNull(Agreement.krippendorffAlpha(List.of(List.of("a", "b"))), "one item, even a split one");
        // Two items, each split: o_ab = o_ba = 2, n = 4, n_a = n_b = 2: α = 1 − 3·4/8 = −0.5, the worst two items allow.
        assertEquals(-0.5, Agreement.krippendorffAlpha(List.of(List.of("a", "b"), List.of("a", "b"))), 1e-12);
    }

    @Test
    void cohensKappaMatchesTheTextbookCaseAndItsEdges() {
        // 50 units: both yes 20, yes/no 5, no/yes 10, both no 15. p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5: κ = 0.4.
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        int[][] cells = {{20, 'y', 'y'}, {5, 'y', 'n'}, {10, 'n', 'y'}, {15, 'n', 'n'}};
        for (int[] cell : cells) {
            for (int i = 0; i < cell[0]; i++) {
                first.add(String.valueOf((char) cell[1]));
                second.add(String.valueOf((char) cell[2]));
            }
        }
        assertEquals(0.4, Agreement.cohensKappa(first, second), 1e-12);
        assertNull(Agreement.cohensKappa(List.of(), List.of()), "no shared units");
        assertNull(Agreement.cohensKappa(List.of("y", "y", "y"), List.of("y", "y", "y")), "all identical: p_e = 1, undefined");
        assertEquals(1.0, Agreement.cohensKappa(List.of("y", "n"), List.of("y", "n")), 1e-12);
        // Always opposite on two balanced choices: p_o = 0, p_e = 0.5, κ = −1.
        assertEquals(-1.0, Agreement.cohensKappa(List.of("y", "n"), List.of("n", "y")), 1e-12);
        // A single shared unit: p_o = 1 and p_e = 1 whatever they chose, so κ is undefined.
        assertNull(Agreement.cohensKappa(List.of("y"), List.of("y")), "one item");
    }
}
