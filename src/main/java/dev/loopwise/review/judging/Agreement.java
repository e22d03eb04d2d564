package dev.loopwise.review.judging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Inter-rater agreement on nominal choices. */
public final class Agreement {
    private Agreement() {
    }

    /**
     * Krippendorff's alpha for nominal data: α = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k, where o is the
     * coincidence matrix of the units with at least two values (each ordered pair of values within a unit
     * adds 1/(m_u − 1)) and n_c its marginals. Null when fewer than two such units exist or every value is
     * the same (agreement is then undefined).
     */
    public static Double krippendorffAlpha(List<List<String>> units) {
        Map<String, Map<String, Double>> coincidences = new HashMap<>();
        int pairable = 0;
        for (List<String> values : units) {
            int m = values.size();
            if (m < 2) {
                continue;
            }
            pairable++;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        coincidences.computeIfAbsent(values.get(i), c -> new HashMap<>())
                                .merge(values.get(j), 1.0 / (m - 1), Double::sum);
                    }
                }
            }
        }
        return krippendorffAlpha(coincidences, pairable);
    }

    /** Alpha from a coincidence matrix already summed over {@code pairable} units with at least two values each. */
    public static Double krippendorffAlpha(Map<String, Map<String, Double>> coincidences, long pairable) {
        if (pairable < 2) {
            return null;
        }
        Map<String, Double> marginals = new HashMap<>();
        double n = 0;
        double observed = 0;
        for (var row : coincidences.entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                marginals.merge(row.getKey(), cell.getValue(), Double::sum);
                n += cell.getValue();
                if (!row.getKey().equals(cell.getKey())) {
                    observed += cell.getValue();
                }
            }
        }
        double expected = 0;
        List<String> categories = new ArrayList<>(marginals.keySet());
        for (String c : categories) {
            for (String k : categories) {
                if (!c.equals(k)) {
                    expected += marginals.get(c) * marginals.get(k);
                }
            }
        }
        return krippendorffAlpha(n, observed, expected, pairable);
    }

    /**
     * Alpha from the matrix's sufficient statistics: its total n, the off-diagonal total and the expected
     * disagreement Σ_{c≠k} n_c·n_k, over {@code pairable} units.
     */
    public static Double krippendorffAlpha(double n, double observed, double expected, long pairable) {
        if (pairable < 2) {
            return null;
        }
        return expected == 0 ? null : 1 - (n - 1) * observed / expected;
    }

    /** Cohen's kappa for two raters who rated the same units: (p_o − p_e) / (1 − p_e). Null without shared units. */
    public static Double cohensKappa(List<String> first, List<String> second) {
        int n = first.size();
        Map<String, Long> a = new HashMap<>();
        Map<String, Long> b = new HashMap<>();
        long same = 0;
        for (int i = 0; i < n; i++) {
            same += first.get(i).equals(second.get(i)) ? 1 : 0;
            a.merge(first.get(i), 1L, Long::sum);
            b.merge(second.get(i), 1L, Long::sum);
        }
        return cohensKappa(n, same, a, b);
    }

    /** Kappa from counts: {@code n} shared units, {@code same} of them agreed, each rater's choices counted. */
    public static Double cohensKappa(long n, long same, Map<String, Long> first, Map<String, Long> second) {
        if (n == 0) {
            return null;
        }
        double observed = (double) same / n;
        double expected = 0;
        for (var entry : first.entrySet()) {
            expected += (double) entry.getValue() / n * second.getOrDefault(entry.getKey(), 0L) / n;
        }
        return expected == 1 ? null : (observed - expected) / (1 - expected);
    }
}
