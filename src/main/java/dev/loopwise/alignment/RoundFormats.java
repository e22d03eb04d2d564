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
