package dev.loopwise.alignment;

import dev.loopwise.model.ModelBundle;
import java.util.List;
import java.util.Map;

/** What a round produced: the candidate bundle, its metrics, each gate's verdict, and where the time went. */
public record RoundResult(ModelBundle candidate, Map<String, Object> metrics, List<Gate> gates, Map<String, Long> stepMillis) {
    public record Gate(String name, boolean passed, String detail) {
    }

    public boolean passed() {
        return gates.stream().allMatch(Gate::passed);
    }

    /** The first failed gate's explanation, or null. */
    public String reason() {
        return gates.stream().filter(g -> !g.passed()).map(Gate::detail).findFirst().orElse(null);
    }
}
