package dev.loopwise.common;

/**
 * Under each drift chart's title: what its figure is measured in, what is large, and where the newest check stands. A bare
 * 0.000443 or 0.2 says nothing to a support lead; the exact values stay in the chart's fold.
 */
public final class DriftChartMessages {
    private DriftChartMessages() {
    }

    public static String difference(String line) {
        return "A score without a unit: 0 when new requests read like the tickets the version learned from, higher the more they"
                + " differ. Above " + line + " (the dashed line) it is a real change, if the next chart shows that luck cannot explain it.";
    }

    public static String luck(String line, long oneIn) {
        return "A chance from 0 to 1 that the difference above is luck alone. Under " + line + " (the dashed line, 1 in " + oneIn
                + ") luck does not explain it: the requests really changed.";
    }

    /** {@code fewest}, {@code most}: the fewest and the most requests a charted check read (the same when they all read alike). */
    public static String unfamiliar(int fewest, int most) {
        return "A count of requests, out of " + (fewest == most ? "the newest " + fewest : "those each check read, from " + fewest
                + " to " + most + " (each point says how many)") + ". The dashed line is how many would be too many for chance.";
    }

    /** {@code chance}: what chance alone gives with a window of this size, at the newest check; null before any. */
    public static String mixShift(String excess, String chance) {
        return "A score without a unit: 0 when customers ask about the intents in the same mix as in the tickets the version learned"
                + " from; under 0.1 is a small shift, 0.25 or more a large one. " + (chance == null ? "The dashed line is " + excess
                + " above what chance alone gives with this many requests." : "With this many requests chance alone gives about "
                + chance + ", so the dashed line is " + excess + " above that.");
    }

    public static String confidence(long points) {
        return "A percentage: how sure the version is of the intent it picks, on average. An alert comes when it falls more than "
                + points + " points under its level on the tickets kept aside for measuring.";
    }

    public static String handedOver(long points) {
        return "A percentage of the requests, handed to a person instead of answered. An alert comes when it rises more than "
                + points + " points above the share among the tickets kept aside for measuring.";
    }

    public static String ratedDown(long percent) {
        return "A percentage of the answers customers rated. Over " + percent + "% (the dashed line) is too many.";
    }

    public static String otherReply(long percent) {
        return "A percentage of the items reviewers judged. Over " + percent + "% (the dashed line), reviewers often prefer a reply"
                + " the version did not put first.";
    }

    /** {@code times}: the newest figure over the line, rounded; 1 when it is just past it. */
    public static String newestPast(long times) {
        return " The newest check is past the dashed line" + (times >= 2 ? ", about " + times + " times as high." : ".");
    }

    public static final String NEWEST_UNDER = " The newest check is under the dashed line.";

    /** {@code oneIn}: the newest chance as "1 in N"; {@code real}: under the line. */
    public static String newestLuck(long oneIn, boolean real) {
        if (oneIn <= 2) {
            return " The newest check: luck explains it easily.";
        }
        String chance = oneIn > 1_000 ? "less than 1 in 1,000" : "about 1 in " + oneIn;
        return " The newest check: " + chance + (real ? ", so not luck." : ", which luck may explain.");
    }

    public static String newestCount(long count, int window, long line) {
        return " The newest check counts " + count + " of " + window + "; the dashed line was at " + line + ".";
    }

    public static String newestPercent(long percent) {
        return " The newest check: " + percent + "%.";
    }

    /**
     * The unfamiliar-requests chart's title: a count means little until it reads as out of how many, and what chance gives.
     * Out of how many each check read, which is the window set when it ran, not necessarily the one set now.
     */
    public static String newTopicChartTitle(int fewest, int most) {
        return "Of " + (fewest == most ? "the newest " + fewest + " requests" : "the requests each check read (" + fewest + " to "
                + most + ")") + ", those less familiar than 9 in 10 of the version's tickets kept aside for measuring (about 1 in 10"
                + " would be by chance)";
    }
}
