package dev.loopwise.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchScorerTest {

    @Test
    void batchedScoresEqualThePerTicketScorer() {
        Random random = new Random(5);
        int d = 7;
        int h = 4;
        ReplyPolicy policy = new ReplyPolicy(matrix(random, h, d), matrix(random, h, d), matrix(random, h, d), vector(random, h),
                vector(random, h), 0.3f);
        float[][] tickets = matrix(random, 5, d);
        float[][] replies = matrix(random, 3, d);
        float[][] batched = BatchScorer.scores(policy, tickets, replies);
        for (int t = 0; t < tickets.length; t++) {
            for (int a = 0; a < replies.length; a++) {
                double expected = policy.score(policy.queryPart(tickets[t]), tickets[t], policy.prepare(replies[a]));
                assertEquals(expected, batched[t][a], 1e-4);
            }
        }
    }

    private static float[][] matrix(Random random, int rows, int cols) {
        float[][] m = new float[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = vector(random, cols);
        }
        return m;
    }

    private static float[] vector(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
