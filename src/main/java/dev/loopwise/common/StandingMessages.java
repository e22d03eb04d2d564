package dev.loopwise.common;

import dev.loopwise.common.text.Counts;
import java.util.Locale;

/**
 * What a reviewer's home page says of their own judgements: agreement with others on shared items, how sure it is, and
 * what it does to their weight in alignment rounds (one place for these words, as {@link ReviewMessages}).
 */
public final class StandingMessages {
    private StandingMessages() {
    }

    public static String ownStandingAlone(int needed, String counts) {
        return "No other reviewer has judged anything yet, so there is nobody to compare your judgements with: your agreement with"
                + " others shows after about " + Counts.of(needed, "judgement") + " on items another reviewer also judged. " + counts;
    }

    public static String ownStandingTooFew(int shared, int more, String counts) {
        return (shared == 0 ? "None of the items you judged has been judged by another reviewer yet"
                : "Only " + Counts.of(shared, "item") + " you judged " + (shared == 1 ? "has" : "have") + " also been judged by other reviewers")
                + ", too few to say how well your judgements agree with theirs: that shows after about " + more + " more"
                + " judgement" + (more == 1 ? "" : "s") + " on items others also judged (such shared items come to you on their own"
                + " as you review). " + counts;
    }

    /** {@code rate}: the share agreed; {@code low}–{@code high}: its 90% range from a Beta(1, 1) prior. */
    public static String ownAgreement(int shared, double rate, double low, double high, String counts) {
        return "On the " + Counts.of(shared, "item") + " you judged that other reviewers judged too, your choice matched the others'"
                + " majority on " + percent(rate) + " of them" + splitShare(shared, rate) + "; from " + (shared == 1 ? "that one"
                : "these " + shared) + " the true rate likely lies between " + percent(low) + " and " + percent(high) + " (a 90% range). "
                + counts;
    }

    /** 70% of 5 items is no whole number of items: say why, or a reviewer counts their items and finds the page wrong. */
    private static String splitShare(int shared, double rate) {
        double items = rate * shared;
        return Math.abs(items - Math.round(items)) < 1e-6 ? "" : " (where the others were split, matching one side counts a"
                + " share of an item: half between two, a third between three)";
    }

    public static final String OWN_WEIGHT_NEUTRAL = "Until then your judgements count in the team's improvement rounds as much as those of any"
            + " reviewer not yet measured (a weight of 50%).";

    /** The weight rounds give, with its 90% range, against the neutral 50%; {@code measured}: agreement is shown too. */
    public static String ownWeight(double weight, double low, double high, boolean measured) {
        String compared = low > 0.5 ? "more than" : high < 0.5 ? "less than" : "about as much as";
        // A reviewer knows the team's rounds, not "alignment": that word is for the lead's engineers.
        return (measured ? "In the team's improvement rounds this gives" : "Meanwhile your answers on gold items give")
                + " your judgements a weight"
                + " of " + percent(weight) + " (likely between " + percent(low) + " and " + percent(high) + (measured ? ", gold items"
                + " included" : "") + "), against 50% for a reviewer not yet measured: they count " + compared + " an unmeasured"
                + " reviewer's" + (compared.startsWith("about") ? ", as far as the items so far can tell" : "") + ".";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
