package dev.loopwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The dot product sums every pair once, whatever the length's remainder after its blocks of eight. */
class VectorsTest {

    @Test
    void dotOfHandComputedVectors() {
        assertEquals(0.0, Vectors.dot(new float[0], new float[0]));
        assertEquals(-6.0, Vectors.dot(new float[] {2}, new float[] {-3}));
        // 1·1 + 2·2 + … + n·n = n(n+1)(2n+1)/6, across the block boundary and the tail
        for (int n : new int[] {7, 8, 9, 16, 17, 384}) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = i + 1;
            }
            assertEquals(n * (n + 1.0) * (2 * n + 1) / 6, Vectors.dot(v, v), 1e-9, "length " + n);
        }
    }

    @Test
    void dotKeepsDoublePrecisionOverLongSums() {
        float[] ones = new float[1 << 20];
        float[] tiny = new float[ones.length];
        Arrays.fill(ones, 1f);
        Arrays.fill(tiny, 1e-3f);
        // a float sum would stall far from the true total; the double sums stay within rounding of the float product
        assertEquals(ones.length * (double) 1e-3f, Vectors.dot(ones, tiny), 1e-6);
    }
}
