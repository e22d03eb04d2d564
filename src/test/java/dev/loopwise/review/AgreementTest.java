package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
