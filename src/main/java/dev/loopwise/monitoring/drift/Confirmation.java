package dev.loopwise.monitoring.drift;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A signal counts as drift only when it crosses its threshold in {@code required} consecutive checks:
 * overlapping windows checked again and again would otherwise turn a 1% test into frequent false alarms.
 */
public final class Confirmation {
    private final int required;
    private final Map<String, Integer> streak = new HashMap<>();

    public Confirmation(int required) {
        this.required = required;
    }

    /** The signals confirmed by this check (each reported once per unbroken streak). */
    public Set<String> update(List<DriftDetector.Alert> alerts) {
        Set<String> raised = new HashSet<>();
        alerts.forEach(a -> raised.add(a.signal()));
        streak.keySet().retainAll(raised);
        Set<String> confirmed = new HashSet<>();
        for (String signal : raised) {
            int n = streak.merge(signal, 1, Integer::sum);
            if (n == required) {
                confirmed.add(signal);
            }
        }
        return confirmed;
    }

    /** Restores the streaks (a service restarting, or another instance taking over the checks). */
    public void seed(Map<String, Integer> streaks) {
        streak.clear();
        streak.putAll(streaks);
    }

    public Map<String, Integer> streaks() {
        return Map.copyOf(streak);
    }
}
