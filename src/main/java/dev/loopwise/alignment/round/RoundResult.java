package dev.loopwise.alignment.round;

import dev.loopwise.model.registry.version.ModelBundle;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a round produced: the candidate bundle, its metrics, each gate's verdict, and where the time went. */
public record RoundResult(ModelBundle candidate, Map<String, Object> metrics, List<Gate> gates, Map<String, Long> stepMillis) {
    public static final String PASS = "pass";
    public static final String FAIL = "fail";
    /** The data cannot decide yet: neither a pass nor a rejection. */
    public static final String WAIT = "wait";

    /**
     * One gate's verdict with its evidence: the measured effect and its 90% interval where the gate is a
     * statistical comparison, and, when it waits, about how many more judgements would let it decide.
     * ({@code passed} is kept for rounds stored before verdicts existed.)
     */
    @Schema(description = "One promotion gate's verdict with its evidence")
    public record Gate(@Schema(description = "reward_accuracy, preference_agreement, reply_intent or kl_bound", example = "preference_agreement")
                       String name,
                       @Schema(description = "True when verdict is pass (kept for rounds stored before verdicts existed)") boolean passed,
                       @Schema(description = "What was measured and what it means, in words") String detail,
                       @Schema(description = "pass, fail, or wait: not enough evidence yet", enumeration = {"pass", "fail", "wait"}) String verdict,
                       @Schema(description = "The measured effect for a statistical gate (a share or a difference of shares); null for the others")
                       Double effect,
                       @Schema(description = "The lower end of the effect's 90% interval; null without one") Double low,
                       @Schema(description = "The upper end of the effect's 90% interval; null without one") Double high,
                       @Schema(description = "When the gate waits: about how many more judgements would let it decide; otherwise null")
                       Integer moreJudgements) {
        public static Gate of(String name, String verdict, String detail) {
            return new Gate(name, PASS.equals(verdict), detail, verdict, null, null, null, null);
        }

        public String verdictOrLegacy() {
            return verdict != null ? verdict : passed ? PASS : FAIL;
        }
    }

    public boolean passed() {
        return gates.stream().allMatch(g -> g.verdictOrLegacy().equals(PASS));
    }

    /** {@link #PASS} when every gate passed, {@link #FAIL} when any failed, else {@link #WAIT}. */
    public String outcome() {
        if (passed()) {
            return PASS;
        }
        return gates.stream().anyMatch(g -> g.verdictOrLegacy().equals(FAIL)) ? FAIL : WAIT;
    }

    /** About how many more judgements the waiting gates need, or null. */
    public Integer moreJudgements() {
        return gates.stream().filter(g -> WAIT.equals(g.verdict()) && g.moreJudgements() != null)
                .map(Gate::moreJudgements).max(Integer::compare).orElse(null);
    }

    /** The first failed (else waiting) gate's explanation, or null when all passed. */
    public String reason() {
        String wanted = outcome();
        return gates.stream().filter(g -> g.verdictOrLegacy().equals(wanted) && !wanted.equals(PASS)).map(Gate::detail)
                .findFirst().orElse(null);
    }
}
