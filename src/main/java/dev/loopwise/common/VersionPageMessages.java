package dev.loopwise.common;

/**
 * What another version's own page says first: whether to switch to it from the active version, in the words of its
 * button, before the comparison that is worded for the Models list.
 */
public final class VersionPageMessages {
    private VersionPageMessages() {
    }

    /** A version's own page, first words, when it does better than the active one: what its button below does. */
    public static String switchAdvised(int version, int active, boolean servedBefore) {
        return (servedBefore ? "Roll back to v" : "Promote v") + version + " below: it does better than v" + active + ", which"
                + " answers customers now. How the two compare: ";
    }

    /** A version's own page, first words, when the active one should stay: nothing to press here. */
    public static String nothingToSwitch(int version, int active, boolean servedBefore) {
        return "Nothing to switch: v" + active + ", which answers customers now, stays; " + (servedBefore ? "rolling back to v"
                : "promoting v") + version + " is not advised. How the two compare: ";
    }

    /** First words when the comparison could not decide yet: the active one stays, though the other is not shown worse. */
    public static String notShownBetterYet(int version, int active, boolean servedBefore) {
        return "Nothing to switch yet: v" + active + ", which answers customers now, stays; " + (servedBefore ? "rolling back to v"
                : "promoting v") + version + " is not shown better yet. How the two compare: ";
    }

    /** First words when switching may be right, and what it depends on ({@code reason}, a clause). */
    public static String switchDependsOn(int version, boolean servedBefore, String reason) {
        return "Whether to " + (servedBefore ? "roll back to v" : "promote v") + version + " is yours to weigh: " + reason
                + ". How the two compare: ";
    }
}
