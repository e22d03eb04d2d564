package dev.loopwise.alignment.simulation;

import dev.loopwise.common.text.Counts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code eval-reward}'s results as a person reads them: the figures on the test pairs first, each beside what it means,
 * then how each model did on the validation pairs (which chose between them) and the test pairs, so a score is never read
 * as one on pairs the model learned from. {@code --json} keeps the raw names and numbers for scripts.
 */
final class RewardEvalText {
    private static final List<String> MODELS = List.of("vector", "cross");
    /** Figures said in the text; any other is listed as it is named in --json. */
    private static final List<String> SAID = List.of("trainPairs", "validationPairs", "testPairs", "testSeenPairs", "skippedRows",
            "encoder", "encodingSeconds", "vectorTrainingSeconds", "crossTrainingSeconds", "crossPlan", "model", "vectorValidationAccuracy",
            "vectorTestAccuracy", "crossValidationAccuracy", "crossTestAccuracy", "accuracy", "meanMargin", "calibrationError",
            "peakRssMegabytes", "seed");

    private RewardEvalText() {
    }

    static String render(Map<String, Object> out) {
        StringBuilder text = new StringBuilder();
        int seen = number(out, "testSeenPairs").intValue();
        text.append("Measured on ").append(count(out, "testPairs", "test pair")).append(" of --test, kept aside from training")
                .append(seen > 0 ? " (" + seen + " more left out: their prompts are training pairs')" : "").append(", with the ")
                .append(out.get("model")).append(" model:\n");
        row(text, "accuracy", percent(out.get("accuracy")), "pairs it ranks right, the chosen reply above the rejected one (a tie counts"
                + " half; 50% is chance)");
        row(text, "mean margin", decimal(out.get("meanMargin")), "its reward of the chosen reply less the rejected one's, on average");
        row(text, "calibration error", decimal(out.get("calibrationError")), "how far its confidence is from how often it is right"
                + " (0: exact; 0.10: 10 points off)");
        int validation = number(out, "validationPairs").intValue();
        text.append("Trained on ").append(Counts.of(number(out, "trainPairs").intValue() - validation, "pair")).append(" of --train; ")
                .append(validation == 0 ? "no pair was kept aside as a validation pair, "
                        : validation == 1 ? "1 more of its pairs was kept aside as a validation pair, "
                        : Counts.number(validation) + " more of its pairs were kept aside as validation pairs, ").append(out.containsKey("crossTestAccuracy")
                        && out.containsKey("vectorTestAccuracy") ? "to choose between the models" : "to check it").append(":\n");
        for (String model : MODELS) {
            if (out.containsKey(model + "TestAccuracy")) {
                row(text, model + " model", percent(out.get(model + "TestAccuracy")), "on the test pairs ("
                        + percent(out.get(model + "ValidationAccuracy")) + " on the validation pairs), trained in "
                        + seconds(out.get(model + "TrainingSeconds")) + (model.equals(out.get("model")) ? "; the one measured above" : ""));
            }
        }
        if (out.get("crossPlan") != null) {
            text.append("Cross-encoder: ").append(out.get("crossPlan")).append(".\n");
        }
        text.append("Encoder: ").append(out.get("encoder"));
        if (out.get("encodingSeconds") != null) {
            text.append(", texts encoded in ").append(seconds(out.get("encodingSeconds")));
        }
        text.append("; seed ").append(out.get("seed")).append("; peak memory ").append(out.get("peakRssMegabytes")).append(" MB");
        int skipped = number(out, "skippedRows").intValue();
        text.append(skipped > 0 ? "; " + skipped + " rows of the files skipped (stderr says why)" : "").append(".\n");
        Map<String, Object> other = new LinkedHashMap<>(out);
        other.keySet().removeAll(SAID);
        other.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.toString().stripTrailing();
    }

    private static void row(StringBuilder text, String name, String value, String meaning) {
        text.append(String.format(Locale.ROOT, "  %-18s %7s  %s%n", name, value, meaning));
    }

    private static String count(Map<String, Object> out, String name, String noun) {
        int n = number(out, name).intValue();
        return String.format(Locale.ROOT, "%,d ", n) + noun + (n == 1 ? "" : "s");
    }

    private static String percent(Object share) {
        return share instanceof Number n ? String.format(Locale.ROOT, "%.1f%%", 100 * n.doubleValue()) : "-";
    }

    private static String decimal(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%.3f", n.doubleValue()) : "-";
    }

    private static String seconds(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%.1f s", n.doubleValue()) : "-";
    }

    private static Number number(Map<String, Object> out, String name) {
        return out.get(name) instanceof Number n ? n : 0;
    }
}
