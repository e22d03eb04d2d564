package dev.loopwise.model.registry;

import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.qute.TemplateExtension;

/**
 * How far a version's share of held-out tickets could be from what it would score on many more tickets like them: a
 * lead deciding whether to promote on "89.7% of 87 tickets" needs to know that a few points either way is chance.
 */
@TemplateExtension
public class FigureRanges {
    /** 90% sure: the level the reviewer weights and the gates use, so every range on the pages means the same. */
    private static final double Z = 1.6449;

    /**
     * The version page's big figure: a share of too few tickets as the bare count ("3 of 3"), whose range line beneath
     * says it is too few to judge, so the figure stays one short line.
     */
    static String headline(ModelVersion version, String metric) {
        return ModelFormats.percent(version, metric).replace(ModelFormats.TOO_FEW_NOTE, "");
    }

    /**
     * The share's likely range ("likely between 83% and 94%"), "too few to judge" when it is shown as a bare count of a
     * few tickets, or empty when the share is missing or was not counted on a known number of tickets.
     */
    static String likelyRange(ModelVersion version, String metric) {
        Object value = version.metrics == null ? null : version.metrics.get(metric);
        int tickets = ModelFormats.heldOut(version, metric);
        if (!(value instanceof Number share) || tickets <= 0) {
            return "";
        }
        if (tickets < ModelFormats.TOO_FEW_TO_JUDGE) {
            return ModelFormats.TOO_FEW;
        }
        double[] range = wilson(share.doubleValue(), tickets);
        return String.format("likely between %.0f%% and %.0f%%", Math.floor(range[0] * 100), Math.ceil(range[1] * 100));
    }

    /** Wilson's interval: unlike "share ± 2 standard errors" it stays within 0–100% and is honest at 100% of a few. */
    static double[] wilson(double share, int n) {
        double z2 = Z * Z;
        double centre = (share + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(share * (1 - share) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
