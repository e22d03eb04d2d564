package dev.loopwise.alignment;

import io.quarkus.qute.TemplateExtension;
import java.util.Map;

/** How round figures read on pages. */
@TemplateExtension
public class RoundFormats {

    /** A metric as a number with three decimals, or "—". */
    static String metric(AlignmentRound round, String name) {
        Object value = round.metrics.get(name);
        return value instanceof Number n ? String.format("%.3f", n.doubleValue()) : "—";
    }

    /** ✔ passed, ✘ failed, … waiting for more evidence. */
    static String symbol(RoundResult.Gate gate) {
        return switch (gate.verdictOrLegacy()) {
            case RoundResult.PASS -> "✔";
            case RoundResult.WAIT -> "…";
            default -> "✘";
        };
    }

    static String verdictText(RoundResult.Gate gate) {
        return switch (gate.verdictOrLegacy()) {
            case RoundResult.PASS -> "passed";
            case RoundResult.WAIT -> "not enough evidence yet";
            default -> "failed";
        };
    }

    static String statusText(AlignmentRound round) {
        return switch (round.status) {
            case AlignmentRound.NEEDS_EVIDENCE -> "needs more judgements";
            default -> round.status;
        };
    }

    static String methodText(AlignmentRound round) {
        return RoundSettings.DPO.equals(round.method) ? "learning directly from reviewers' pairs (DPO)"
                : "learning from a reward model (reward-weighted)";
    }

    /** The facts known so far: nothing about judgements or versions is shown before the round has read them. */
    static String headerFacts(AlignmentRound round) {
        if (round.baseVersion == null) {
            return round.finished() ? "" : " · reading the judgements…";
        }
        return " · " + dev.loopwise.common.Counts.of(round.judgementIds.length, "judgement") + " · improving v" + round.baseVersion;
    }

    static int percentDone(AlignmentRound round) {
        return (int) Math.round(round.progress * 100);
    }

    static int judgements(AlignmentRound round) {
        return round.judgementIds.length;
    }

    static Map<String, Object> settingsShown(AlignmentRound round) {
        return round.settings;
    }
}
