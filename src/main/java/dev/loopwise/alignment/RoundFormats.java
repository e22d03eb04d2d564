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
