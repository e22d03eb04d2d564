package dev.loopwise.model.registry;

import dev.loopwise.common.EvalMessages;
import dev.loopwise.common.stats.Wilson;
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
        int tickets = ModelFormats.heldOut(version, metric);
        if (version.metrics.get(metric) instanceof Number && tickets > 0 && tickets < ModelFormats.TOO_FEW_TO_JUDGE) {
            return ModelFormats.TOO_FEW;
        }
        int[] range = percentRange(version, metric);
        return range == null ? "" : EvalMessages.likelyBetween(range[0], range[1]);
    }

    /**
     * The version list's figure with its range in brackets ("84.0% (80–88%)"), so versions can be compared at a glance
     * without opening each; a count of a few tickets reads as on the version's page, and a figure with no range (an
     * average over intents, or one counted on an unknown number of tickets) stays bare.
     */
    static String withRange(ModelVersion version, String metric) {
        int[] range = percentRange(version, metric);
        String figure = ModelFormats.percent(version, metric);
        return range == null ? figure : String.format("%s (%d–%d%%)", figure, range[0], range[1]);
    }

    /** The likely range in whole percents, widened outwards; null when the version page shows none. */
    private static int[] percentRange(ModelVersion version, String metric) {
        Object value = version.metrics.get(metric);
        int tickets = ModelFormats.heldOut(version, metric);
        if (!(value instanceof Number share) || tickets < ModelFormats.TOO_FEW_TO_JUDGE) {
            return null;
        }
        return Wilson.wholePercents(wilson(share.doubleValue(), tickets));
    }

    /** Wilson's interval at the version page's 90%. */
    static double[] wilson(double share, int n) {
        return Wilson.bounds(share, n, Z);
    }
}
