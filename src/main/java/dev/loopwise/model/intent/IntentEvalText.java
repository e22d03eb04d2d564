package dev.loopwise.model.intent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code eval-intents}' results as a person reads them: each figure as a percentage beside what it counts, under a line
 * saying which rows it was measured on, so a score is never mistaken for one on the training rows. {@code --json}
 * keeps the raw names and numbers for scripts.
 */
final class IntentEvalText {
    /** Figures said in the table or the lines under it; any other (a fine-tune's own) is listed as it is named in --json. */
    private static final List<String> SAID = List.of("regime", "trainRows", "validationRows", "testRows", "droppedTestRows",
            "droppedValidationRows", "accuracy", "macroF1", "inScopeAccuracy", "topIntentAccuracy", "outOfScopeRecall", "handoverRate",
            "threshold", "seed", "epochs", "trainingSeconds", "encodingSeconds", "textsEncoded", "encodingTextsPerSecond", "encoder",
            "peakRssMb");

    private IntentEvalText() {
    }

    /** @param oosLabel the label of out-of-scope rows, as the command was given it */
    static String render(Map<String, Object> out, IntentEvaluation evaluation, String oosLabel) {
        StringBuilder text = new StringBuilder();
        int dropped = number(out, "droppedTestRows").intValue();
        text.append("Measured on ").append(rows(number(out, "testRows").intValue(), "test row"))
                .append(" kept aside from training (never trained on)")
                .append(dropped > 0 ? ", after leaving out " + dropped + " whose text a training row has" : "").append(":\n");
        row(text, "accuracy", percent(evaluation.accuracy()), "rows given their right intent, or handed over when labelled '" + oosLabel + "'");
        row(text, "macro-F1", percent(evaluation.macroF1()), "each intent's F1 averaged, so a rare intent counts as much as a common one");
        row(text, "in-scope accuracy", percent(evaluation.inScopeAccuracy()), "in-scope rows answered with their right intent");
        row(text, "top-intent accuracy", percent(evaluation.topIntentAccuracy()),
                "in-scope rows whose most likely intent is right, handed over or not");
        Double recall = evaluation.outOfScopeRecall();
        row(text, "out-of-scope recall", recall == null ? "-" : percent(recall), recall == null
                ? "no test row is labelled '" + oosLabel + "' (--oos-label names the label)" : "rows labelled '" + oosLabel + "' handed over");
        row(text, "handover rate", percent(evaluation.handoverRate()), "in-scope rows handed to a person instead of answered");
        row(text, "threshold", String.format(Locale.ROOT, "%.3f", number(out, "threshold").doubleValue()),
                "a request whose best intent is less likely than this is handed over");
        text.append("Trained: ").append(out.get("regime")).append(" on ").append(rows(number(out, "trainRows").intValue(), "row"));
        int validation = number(out, "validationRows").intValue();
        if (validation > 0) {
            text.append(", the threshold chosen on ").append(rows(validation, "validation row"));
        }
        if (number(out, "epochs").intValue() > 0) {
            text.append(", ").append(out.get("epochs")).append(" epochs");
        }
        text.append(", ").append(seconds(out.get("trainingSeconds"))).append("; seed ").append(out.get("seed")).append(".\n");
        text.append("Encoder: ").append(out.get("encoder"));
        if (out.get("textsEncoded") != null && number(out, "textsEncoded").longValue() == 0) {
            text.append("; every text's vector came from the cache, in ").append(seconds(out.get("encodingSeconds")));
        } else if (out.get("textsEncoded") != null) {
            text.append("; ").append(String.format(Locale.ROOT, "%,d", number(out, "textsEncoded").longValue())).append(" texts encoded in ")
                    .append(seconds(out.get("encodingSeconds"))).append(" (")
                    .append(String.format(Locale.ROOT, "%.0f", number(out, "encodingTextsPerSecond").doubleValue())).append(" texts/s)");
        } else if (out.get("encodingSeconds") != null) {
            text.append("; the test rows encoded in ").append(seconds(out.get("encodingSeconds")));
        }
        text.append("; peak memory ").append(out.get("peakRssMb")).append(" MB.\n");
        Map<String, Object> other = new LinkedHashMap<>(out);
        other.keySet().removeAll(SAID);
        other.forEach((name, value) -> text.append(name).append(": ").append(value instanceof Double d
                ? String.format(Locale.ROOT, "%.3f", d) : value).append('\n'));
        if (!evaluation.topConfusions().isEmpty()) {
            text.append("Most confused on the test rows (expected -> predicted: rows):\n");
            evaluation.topConfusions().stream().limit(5)
                    .forEach(c -> text.append("  ").append(c.expected()).append(" -> ").append(c.predicted()).append(": ")
                            .append(c.count()).append('\n'));
        }
        return text.toString().stripTrailing();
    }

    private static void row(StringBuilder text, String name, String value, String meaning) {
        text.append(String.format(Locale.ROOT, "  %-20s %7s  %s%n", name, value, meaning));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String seconds(Object value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f s", ((Number) value).doubleValue());
    }

    private static String rows(int count, String noun) {
        return String.format(Locale.ROOT, "%,d ", count) + noun + (count == 1 ? "" : "s");
    }

    private static Number number(Map<String, Object> out, String name) {
        Object value = out.get(name);
        return value instanceof Number n ? n : 0;
    }
}
