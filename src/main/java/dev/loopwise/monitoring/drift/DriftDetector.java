package dev.loopwise.monitoring.drift;

import dev.loopwise.model.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Compares a window of served requests with the tickets the active version learned from: input drift
 * (MMD with a permutation test), new topics (more unfamiliar requests than chance allows, {@link Unfamiliar}), prediction
 * drift (population stability index of the intent mix, mean confidence, out-of-scope rate), and outcome
 * signals (thumbs down, reviewers preferring a reply other than the policy's first choice).
 */
public final class DriftDetector {
    public static final String OUT_OF_SCOPE = "(out of scope)";

    /**
     * What the version learned from: a sample of its training tickets, and how its predictions looked on
     * held-out tickets — the mix of predicted intents (counts), mean confidence and out-of-scope rate — and how familiar
     * those held-out tickets are ({@link Unfamiliar#familiarity}, sorted): the scale new requests are read on, whatever
     * the encoder's cosines run to.
     */
    public record Reference(float[][] vectors, float[][] neighbours, Map<String, Integer> predictedCounts, double meanConfidence,
                            double oosRate, double[] heldOutFamiliarity) {
    }

    /** The recent served requests: vectors, texts, predicted intents, confidence, hand-over flags; plus outcomes. */
    public record Window(float[][] vectors, List<String> texts, List<String> intents, double[] confidence, boolean[] outOfScope,
                         int feedback, int thumbsDown, int judgements, int nonFirstChoice) {
        public int size() {
            return vectors.length;
        }
    }

    @Schema(name = "DriftTopic", description = "A group of recent tickets unlike the training tickets")
    public record Cluster(@Schema(description = "Tickets in the group") int size,
                          @Schema(description = "Their average similarity to the closest training tickets") double similarityToTraining,
                          @Schema(description = "A few of the group's tickets") List<String> examples) {
    }

    public record Report(Map<String, Object> signals, List<Alert> alerts, List<Cluster> newTopics) {
    }

    @Schema(name = "DriftAlert", description = "A signal past its threshold")
    public record Alert(@Schema(description = "The signal's name") String signal, @Schema(description = "Its value in this check") double value,
                        @Schema(description = "The value past which it alerts") double threshold,
                        @Schema(description = "What it means, in words") String message) {
    }

    private DriftDetector() {
    }

    public static Report check(Reference reference, Window window, DriftSettings settings) {
        Random random = new Random(settings.seed());
        Map<String, Object> signals = new LinkedHashMap<>();
        List<Alert> alerts = new ArrayList<>();
        // Repeated requests ("where is my order?") would make the window look unlike the reference for no reason.
        float[][] distinct = distinct(window);
        // One text asked over and over (a health probe, say) leaves nothing to compare: MMD² would divide by zero.
        Mmd.Result mmd = distinct.length < 2 ? null : Mmd.test(reference.vectors(), distinct, settings.permutations(), random);
        signals.put("input/distinct_requests", distinct.length);
        signals.put("input/mmd2", mmd == null ? null : mmd.mmd2());
        signals.put("input/p_value", mmd == null ? null : mmd.pValue());
        if (mmd != null && mmd.pValue() < settings.mmdAlpha() && mmd.mmd2() > settings.minMmd()) {
            alerts.add(new Alert("input_drift", mmd.mmd2(), settings.minMmd(), String.format(
                    "Recent requests differ from the training tickets (MMD² %.4f, permutation p = %.4f).", mmd.mmd2(), mmd.pValue())));
        }
        Unfamiliar.Found unfamiliar = Unfamiliar.find(reference, window, settings);
        signals.put("input/new_topic_requests", unfamiliar.count());
        signals.put("input/new_topic_expected", unfamiliar.expected());
        signals.put("input/new_topic_p_value", unfamiliar.pValue());
        signals.put("input/new_topic_alert_line", unfamiliar.alertLine());
        List<Cluster> topics = unfamiliar.alarms() ? unfamiliar.topics() : List.of();
        if (unfamiliar.alarms()) {
            alerts.add(new Alert("new_topic", unfamiliar.count(), unfamiliar.expected() + settings.minClusterSize(), unfamiliar.message()));
        }
        Map<String, Integer> windowCounts = counts(window);
        double psi = psi(reference.predictedCounts(), windowCounts);
        double[] chance = chancePsi(reference.predictedCounts(), window.size(), settings.permutations(), random);
        double excess = psi - chance[0];
        signals.put("prediction/psi", psi);
        signals.put("prediction/psi_by_chance", chance[0]);
        signals.put("prediction/psi_p_value", chance[1] < 0 ? null : pValue(chance, psi));
        signals.put("prediction/js_divergence", jensenShannon(reference.predictedCounts(), windowCounts));
        if (excess > settings.psiThreshold() && pValue(chance, psi) < settings.mmdAlpha()) {
            alerts.add(new Alert("intent_mix", psi, chance[0] + settings.psiThreshold(), String.format(
                    "The mix of predicted intents moved (PSI %.3f; a window of this size drawn from the tickets kept aside for measuring"
                            + " gives %.3f).",
                    psi, chance[0])));
        }
        double confidence = Arrays.stream(window.confidence()).average().orElse(0);
        int handedOver = 0;
        for (boolean b : window.outOfScope()) {
            handedOver += b ? 1 : 0;
        }
        double oos = (double) handedOver / Math.max(window.size(), 1);
        signals.put("prediction/mean_confidence", confidence);
        signals.put("prediction/oos_rate", oos);
        // Like the outcome rates below: over the line by more than chance allows, at the input-drift level.
        double confidenceLine = reference.meanConfidence() - settings.confidenceDrop();
        Double confidenceP = BeyondChance.belowMean(window.confidence(), confidenceLine);
        signals.put("prediction/confidence_p_value", confidenceP);
        if (confidenceP != null && confidence < confidenceLine && confidenceP < settings.mmdAlpha()) {
            alerts.add(new Alert("confidence", confidence, confidenceLine, String.format(
                    "Mean confidence %.3f of %d requests fell below %.3f (%.3f on the tickets kept aside for measuring, t-test p = %.4f).", confidence,
                    window.size(), confidenceLine, reference.meanConfidence(), confidenceP)));
        }
        double oosLine = reference.oosRate() + settings.oosRise();
        Double oosP = window.size() == 0 ? null
                : oosLine >= 1 ? 1.0 : BeyondChance.aboveRate(handedOver, window.size(), Math.max(oosLine, 0));
        signals.put("prediction/oos_p_value", oosP);
        if (oosP != null && oos > oosLine && oosP < settings.mmdAlpha()) {
            alerts.add(new Alert("oos_rate", oos, oosLine, String.format(
                    "%.0f%% of %d requests were handed over as out of scope (%.0f%% of the tickets kept aside for measuring, limit %.0f%%,"
                            + " binomial p = %.4f).",
                    oos * 100, window.size(), reference.oosRate() * 100, oosLine * 100, oosP)));
        }
        Double down = window.feedback() >= 10 ? (double) window.thumbsDown() / window.feedback() : null;
        signals.put("outcome/thumbs_down_rate", down);
        Double downP = down == null ? null : BeyondChance.aboveRate(window.thumbsDown(), window.feedback(), settings.thumbsDownRate());
        signals.put("outcome/thumbs_down_p_value", downP);
        if (down != null && down > settings.thumbsDownRate() && downP < settings.mmdAlpha()) {
            alerts.add(new Alert("thumbs_down", down, settings.thumbsDownRate(), String.format(
                    "%.0f%% of %d verdicts were thumbs down (limit %.0f%%, binomial p = %.4f).", down * 100, window.feedback(),
                    settings.thumbsDownRate() * 100, downP)));
        }
        Double other = window.judgements() >= 20 ? (double) window.nonFirstChoice() / window.judgements() : null;
        signals.put("outcome/non_first_choice_rate", other);
        Double otherP = other == null ? null
                : BeyondChance.aboveRate(window.nonFirstChoice(), window.judgements(), settings.nonFirstChoiceRate());
        signals.put("outcome/non_first_choice_p_value", otherP);
        if (other != null && other > settings.nonFirstChoiceRate() && otherP < settings.mmdAlpha()) {
            alerts.add(new Alert("reviewer_preference", other, settings.nonFirstChoiceRate(), String.format(
                    "Reviewers preferred a reply other than the policy's first choice in %.0f%% of %d judgements (limit %.0f%%,"
                    + " binomial p = %.4f).", other * 100, window.judgements(), settings.nonFirstChoiceRate() * 100, otherP)));
        }
        return new Report(signals, alerts, topics);
    }

    static float[][] distinct(Window window) {
        Map<String, float[]> unique = new LinkedHashMap<>();
        for (int i = 0; i < window.size(); i++) {
            unique.putIfAbsent(window.texts().get(i), window.vectors()[i]);
        }
        return unique.values().toArray(float[][]::new);
    }

    /**
     * PSI of windows drawn from the reference mix itself: [median, then the sorted draws]. With many intents
     * and a small window, PSI is large by chance alone; only what exceeds this is drift.
     */
    static double[] chancePsi(Map<String, Integer> reference, int size, int draws, Random random) {
        List<String> keys = new ArrayList<>(new TreeSet<>(reference.keySet()));
        double[] cumulative = new double[keys.size()];
        double total = reference.values().stream().mapToInt(Integer::intValue).sum();
        double sum = 0;
        for (int i = 0; i < keys.size(); i++) {
            sum += reference.get(keys.get(i)) / total;
            cumulative[i] = sum;
        }
        double[] values = new double[draws];
        for (int d = 0; d < draws; d++) {
            Map<String, Integer> drawn = new HashMap<>();
            for (int n = 0; n < size; n++) {
                int at = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                drawn.merge(keys.get(Math.min(at < 0 ? -at - 1 : at, keys.size() - 1)), 1, Integer::sum);
            }
            values[d] = psi(reference, drawn);
        }
        Arrays.sort(values);
        double[] out = new double[draws + 1];
        out[0] = values[draws / 2];
        System.arraycopy(values, 0, out, 1, draws);
        return out;
    }

    private static double pValue(double[] chance, double psi) {
        int atLeast = 0;
        for (int i = 1; i < chance.length; i++) {
            atLeast += chance[i] >= psi ? 1 : 0;
        }
        return (1.0 + atLeast) / chance.length;
    }

    static Map<String, Integer> counts(Window window) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < window.size(); i++) {
            counts.merge(window.outOfScope()[i] ? OUT_OF_SCOPE : window.intents().get(i), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * PSI = Σ (q − p)·ln(q / p) over the intents (and out of scope), each share smoothed as
     * (count + ½) / (total + ½·k), so an intent that happens to be absent from one side does not dominate.
     */
    static double psi(Map<String, Integer> expected, Map<String, Integer> actual) {
        double[][] shares = smoothed(expected, actual);
        double psi = 0;
        for (int i = 0; i < shares[0].length; i++) {
            psi += (shares[1][i] - shares[0][i]) * Math.log(shares[1][i] / shares[0][i]);
        }
        return psi;
    }

    static double jensenShannon(Map<String, Integer> p, Map<String, Integer> q) {
        double[][] shares = smoothed(p, q);
        double js = 0;
        for (int i = 0; i < shares[0].length; i++) {
            double m = (shares[0][i] + shares[1][i]) / 2;
            js += 0.5 * shares[0][i] * Math.log(shares[0][i] / m) + 0.5 * shares[1][i] * Math.log(shares[1][i] / m);
        }
        return js;
    }

    private static double[][] smoothed(Map<String, Integer> a, Map<String, Integer> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        double totalA = a.values().stream().mapToInt(Integer::intValue).sum();
        double totalB = b.values().stream().mapToInt(Integer::intValue).sum();
        double[][] shares = new double[2][keys.size()];
        int i = 0;
        for (String key : keys) {
            shares[0][i] = (a.getOrDefault(key, 0) + 0.5) / (totalA + 0.5 * keys.size());
            shares[1][i] = (b.getOrDefault(key, 0) + 0.5) / (totalB + 0.5 * keys.size());
            i++;
        }
        return shares;
    }
}
