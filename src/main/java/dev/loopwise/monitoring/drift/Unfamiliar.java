package dev.loopwise.monitoring.drift;

import dev.loopwise.model.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * New topics, read on the version's own scale rather than on a fixed cosine (an encoder's similarities between unrelated
 * texts run from about 0.1 to 0.6 depending on the encoder). A request's <b>familiarity</b> is the similarity of its
 * nearest training ticket. Only requests the version answers are compared, with the held-out tickets it answers: what
 * it hands over is unfamiliar by design, and the out-of-scope rate watches it. The held-out tickets — known subjects the
 * version did not train on — set the line: a request
 * is <b>unfamiliar</b> when it is less familiar than the held-out ticket at the {@code novelQuantile} (by default, 9 in
 * 10 held-out tickets are more familiar). On unchanged traffic a window's share of unfamiliar requests is about that
 * quantile; the alarm is a rank test of how many more there are (at a tenth of the input-drift level, see {@link #STRICTER}):
 * <p>
 * If the window's n (distinct) requests and the m held-out tickets were exchangeable, the number X of window requests
 * below the j-th least familiar held-out ticket satisfies X ≥ k exactly when, among the k + j − 1 least familiar of all
 * m + n, at most j − 1 are held-out tickets, so P(X ≥ k) = P(H ≤ j − 1) with H ~ Hypergeometric(m + n, m, k + j − 1).
 * This holds for any held-out size, so a small labelled set widens the margin instead of raising false alarms.
 * <p>
 * The unfamiliar requests are then grouped ({@link #group}) so that a topic of several requests can be named and
 * labelled in one step; unfamiliar requests that form no group are still reported, as traffic unlike anything the
 * version knows.
 */
public final class Unfamiliar {
    private static final double SAME_TEXT = 0.99999;
    /**
     * The rank test's level as a share of the input-drift level: its p-values are exact and it is asked on every check,
     * so it alarms at a tenth of that level (0.001 by default) to raise no more false alarms than the permutation tests.
     */
    static final double STRICTER = 0.1;

    private Unfamiliar() {
    }

    /**
     * What a window holds: unfamiliar distinct requests, how many chance would give, the rank test's p-value, the groups
     * of at least {@code minClusterSize}, and the sentence an alert says.
     */
    record Found(int count, double expected, double pValue, Integer alertLine, List<DriftDetector.Cluster> topics, boolean alarms,
                 String message) {
    }

    /**
     * Each row's similarity to its nearest neighbour, sorted; {@code leaveOneOut} skips a neighbour identical to the row
     * (the held-out tickets are the training tickets themselves when a version has no test split).
     */
    public static double[] familiarity(float[][] rows, float[][] neighbours, boolean leaveOneOut) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = nearest(rows[i], neighbours, leaveOneOut);
        }
        Arrays.sort(out);
        return out;
    }

    static Found find(DriftDetector.Reference reference, DriftDetector.Window window, DriftSettings settings) {
        double[] heldOut = reference.heldOutFamiliarity();
        Map<String, float[]> distinct = new LinkedHashMap<>();
        for (int i = 0; i < window.size(); i++) {
            if (!window.outOfScope()[i]) { // handed over: the out-of-scope rate watches those, and the held-out line leaves them out
                distinct.putIfAbsent(window.texts().get(i), window.vectors()[i]);
            }
        }
        int n = distinct.size();
        int m = heldOut == null ? 0 : heldOut.length;
        if (m == 0 || n == 0) {
            return new Found(0, 0, 1, null, List.of(), false, "");
        }
        int j = Math.max(1, (int) Math.floor(settings.novelQuantile() * m));
        double line = heldOut[j - 1];
        List<String> texts = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        distinct.forEach((text, vector) -> {
            double score = nearest(vector, reference.neighbours(), false);
            if (score < line) {
                texts.add(text);
                vectors.add(vector);
                scores.add(score);
            }
        });
        int k = texts.size();
        double expected = n * (double) j / (m + 1);
        double p = pValue(m, n, j, k);
        // The fewest unfamiliar requests that would alarm in a window like this one: the line the dashboard draws.
        Integer alertLine = null;
        for (int needed = Math.max(1, (int) Math.ceil(expected + settings.minClusterSize())); needed <= n && alertLine == null; needed++) {
            alertLine = pValue(m, n, j, needed) < settings.mmdAlpha() * STRICTER ? needed : null;
        }
        List<DriftDetector.Cluster> topics = group(texts, vectors, scores, settings.minClusterSize());
        boolean alarms = p < settings.mmdAlpha() * STRICTER && k - expected >= settings.minClusterSize();
        return new Found(k, expected, p, alertLine, topics, alarms, alarms ? message(k, expected, settings.novelQuantile(), topics, texts, scores) : "");
    }

    /** P(X ≥ k) for X window requests below the j-th least familiar of m held-out tickets, n in the window (see above). */
    static double pValue(int m, int n, int j, int k) {
        return k == 0 ? 1 : new HypergeometricDistribution(null, m + n, m, Math.min(m + n, k + j - 1)).cumulativeProbability(j - 1);
    }

    private static String message(int count, double expected, double quantile, List<DriftDetector.Cluster> topics, List<String> texts,
                                  List<Double> scores) {
        String share = String.format(Locale.ROOT, "%d requests are less familiar than %d in 10 tickets kept aside for measuring (about %.0f"
                + " would be by chance)", count, Math.round((1 - quantile) * 10), expected);
        if (!topics.isEmpty()) {
            String groups = topics.size() == 1 ? "one group of them, " + topics.get(0).size() + " requests, looks like a new topic"
                    : topics.size() + " groups of them look like new topics, the largest has " + topics.get(0).size() + " requests";
            return share + "; " + groups + ", e.g. \"" + topics.get(0).examples().get(0) + "\".";
        }
        int least = 0;
        for (int i = 1; i < scores.size(); i++) {
            least = scores.get(i) < scores.get(least) ? i : least;
        }
        return share + "; they do not form one topic (traffic unlike anything this version knows), e.g. \"" + texts.get(least) + "\".";
    }

    /**
     * Groups of unfamiliar requests about one thing, density-based so that scattered requests do not chain into one: two
     * are close when each is closer to the other than to any training ticket (a topic the version never saw, on any
     * encoder's scale); a request close to at least {@code minSize − 1} others is a core of a topic; close cores join,
     * and a request close to a core joins its group.
     */
    private static List<DriftDetector.Cluster> group(List<String> texts, List<float[]> vectors, List<Double> scores, int minSize) {
        int k = texts.size();
        boolean[][] close = new boolean[k][k];
        int[] closeCount = new int[k];
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                if (Vectors.dot(vectors.get(a), vectors.get(b)) >= Math.max(scores.get(a), scores.get(b))) {
                    close[a][b] = close[b][a] = true;
                    closeCount[a]++;
                    closeCount[b]++;
                }
            }
        }
        int[] parent = new int[k];
        for (int i = 0; i < k; i++) {
            parent[i] = i;
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                boolean aCore = closeCount[a] >= minSize - 1;
                if (a != b && close[a][b] && aCore && (closeCount[b] >= minSize - 1 || root(parent, b) == b)) {
                    parent[root(parent, b)] = root(parent, a);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            groups.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(i);
        }
        List<DriftDetector.Cluster> clusters = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            if (group.size() >= minSize) {
                // The least familiar first: the clearest examples of what the version does not know.
                group.sort(Comparator.comparingDouble(scores::get));
                List<String> examples = group.stream().map(texts::get).limit(5).sorted(Comparator.comparingInt(String::length)).limit(3)
                        .toList();
                clusters.add(new DriftDetector.Cluster(group.size(), group.stream().mapToDouble(scores::get).average().orElse(0), examples));
            }
        }
        clusters.sort(Comparator.comparingInt(DriftDetector.Cluster::size).reversed());
        return clusters;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static double nearest(float[] row, float[][] neighbours, boolean leaveOneOut) {
        double best = -1;
        for (float[] other : neighbours) {
            double similarity = Vectors.dot(row, other);
            if (!(leaveOneOut && similarity >= SAME_TEXT)) {
                best = Math.max(best, similarity);
            }
        }
        return best;
    }
}
