package dev.loopwise.alignment.round;

import dev.loopwise.alignment.reward.HeldOutPreferences;
import dev.loopwise.alignment.reward.RewardEvaluation;
import dev.loopwise.alignment.round.GateStatistics.Interval;
import dev.loopwise.alignment.round.GateStatistics.Paired;
import dev.loopwise.common.text.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The conditions a candidate must meet to be promoted. Each gate decides only when the held-out data
 * can carry the decision: it passes, fails, or waits ("not enough evidence yet — about N more
 * judgements"), and reports the effect it measured with its 90% interval. The two gates on reviewers' preferences
 * count each held-out (ticket, reply pair) once, however many reviewers judged it ({@link HeldOutPreferences}), and pass
 * or fail only on preferences from at least {@link #FEWEST_TICKETS} different tickets: the tests assume independent pairs,
 * and several reply pairs of one ticket are not quite that either. Rejecting a candidate takes the same evidence as
 * promoting it; short of it the gate waits, whichever way the result leans.
 * <ul>
 * <li>{@code reward_accuracy}: the reward model ranks held-out preferences better than chance (exact
 * sign test: wins among the rankings it did not score as a tie) and at least as well as the floor (where a tie counts
 * half, see {@link RewardEvaluation});</li>
 * <li>{@code preference_agreement}: the round claims that the candidate follows reviewers better than the
 * active version, so it must show it: exact one-sided McNemar test on the held-out preferences both
 * versions were judged on; it fails when even the top of the interval is below {@link #MIN_EFFECT};</li>
 * <li>{@code reply_intent}: non-inferiority — the candidate's first reply fits the ticket's intent on
 * held-out labelled tickets not worse than the active version's, beyond the stated margin; it fails only on at least
 * {@link #FEWEST_TICKETS} of them, while a candidate that lost none of the active version's fitting replies passes. (A round does
 * not retrain the intent head — the candidate carries the active one — so intent accuracy itself cannot
 * change; what a round can harm is whether the reply it picks still fits the intent.)</li>
 * <li>{@code kl_bound}: the policy stays within the KL bound of π_ref (a property of the model, not a sample).</li>
 * </ul>
 */
final class Gates {
    /** The smallest improvement in preference agreement worth promoting a version for. */
    static final double MIN_EFFECT = 0.02;
    static final double Z90 = GateStatistics.Z_ALPHA;

    private Gates() {
    }

    /**
     * What the gates read: held-out reward accuracy, paired comparisons candidate vs active, KL, judgements used, the
     * different tickets the held-out preferences of the first two come from, and {@code served}: the held-out accuracy of
     * the reward model kept with the version when it is not the one the round learned with (a cross-encoder guides the
     * update, the vector model scores replies as the version serves).
     */
    record Evidence(RewardEvaluation reward, Paired preferences, Paired replyIntent, Double kl, int judgements, int rewardTickets,
                    int preferenceTickets, RewardEvaluation served) {
        /** When the reward model the round learned with is the one kept with the version. */
        Evidence(RewardEvaluation reward, Paired preferences, Paired replyIntent, Double kl, int judgements, int rewardTickets,
                 int preferenceTickets) {
            this(reward, preferences, replyIntent, kl, judgements, rewardTickets, preferenceTickets, null);
        }
    }

    static List<RoundResult.Gate> check(RoundSettings settings, Evidence evidence) {
        List<RoundResult.Gate> gates = new ArrayList<>();
        gates.add(RewardAccuracyGate.check(settings, evidence));
        gates.add(preferenceAgreement(evidence));
        gates.add(replyIntent(settings, evidence.replyIntent()));
        Double kl = evidence.kl();
        gates.add(RoundResult.Gate.of("kl_bound", kl != null && kl <= settings.maxKl() ? RoundResult.PASS : RoundResult.FAIL,
                kl == null ? "How far its choice of replies moved from the active version's could not be measured."
                        : kl <= settings.maxKl() ? format("Its choice of replies moved only a little from the active version's "
                        + "(distance %.2f, limit %.2f).", kl, settings.maxKl())
                        : format("Its choice of replies moved too far from the active version's (distance %.2f, limit %.2f): "
                        + "it would answer many tickets differently on little evidence.", kl, settings.maxKl())));
        return gates;
    }

    private static RoundResult.Gate preferenceAgreement(Evidence evidence) {
        Paired t = evidence.preferences();
        if (t == null || t.n() == 0) {
            return wait("preference_agreement", "No reviewer preference between two library replies kept aside for measuring yet to compare the versions on.",
                    null, null, null, perJudgement(GateStatistics.itemsNeededAboveHalf(0.5 + 2 * MIN_EFFECT), 0.2));
        }
        Interval interval = GateStatistics.newcombe(t, Z90);
        double p = GateStatistics.mcnemarOneSided(t);
        String measured = format("On %s kept aside for measuring, from %s, the candidate agrees with %.0f%%, the active version "
                + "with %.0f%%: %+.1f points (90%% interval %+.1f to %+.1f; they differ on %d; p = %.3f).",
                Counts.of(t.n(), "reviewer preference"),
                Counts.of(evidence.preferenceTickets(), "ticket"), 100 * t.first(), 100 * t.second(), 100 * t.effect(),
                100 * interval.low(), 100 * interval.high(), t.onlyFirst() + t.onlySecond(), p);
        // Said only where the gate waits: beside a verdict it would contradict it.
        String undecided = measured + rangeAboveZeroYetUndecided(t, interval, p);
        int forTickets = forTickets(evidence.preferenceTickets(), evidence);
        if (p < GateStatistics.ALPHA && t.effect() > 0) {
            return evidence.preferenceTickets() >= FEWEST_TICKETS
                    ? gate("preference_agreement", RoundResult.PASS, measured + " The candidate is better.", t.effect(), interval, null)
                    : gate("preference_agreement", RoundResult.WAIT, measured + tooFewTickets(evidence.preferenceTickets()), t.effect(),
                            interval, forTickets);
        }
        double yield = (double) t.n() / evidence.judgements();
        // Before the "not better" verdict: on a handful of items the interval is no guide (two items the versions agree
        // on, one right and one wrong, give a paired interval of exactly zero width).
        if (t.n() >= FEWEST_TO_EXTRAPOLATE && interval.high() < MIN_EFFECT) {
            return evidence.preferenceTickets() >= FEWEST_TICKETS
                    ? gate("preference_agreement", RoundResult.FAIL, measured + format(" Even at best it is not %.0f points better.",
                            100 * MIN_EFFECT), t.effect(), interval, null)
                    : gate("preference_agreement", RoundResult.WAIT, measured + " So far the candidate is not better."
                            + tooFewTickets(evidence.preferenceTickets()), t.effect(), interval, forTickets);
        }
        if (t.n() < FEWEST_TO_EXTRAPOLATE) {
            // How often the versions differ, which the count rests on, is no estimate on a handful of items: one
            // disagreement among two would ask for thousands of judgements. Ask for enough to measure it first.
            int first = Math.max(perJudgement(FEWEST_TO_EXTRAPOLATE - t.n(), yield), forTickets);
            return new RoundResult.Gate("preference_agreement", false, undecided + format(" Not enough evidence yet, and too little to"
                    + " say how much more would decide it: about %d more judgements " + FIRST_ESTIMATE + ".", first),
                    RoundResult.WAIT, t.effect(), interval.low(), interval.high(), first);
        }
        int more = Math.max(perJudgement(GateStatistics.pairedItemsNeeded(t, Math.max(t.effect(), MIN_EFFECT)) - t.n(), yield),
                forTickets);
        // The count rests on the effect measured so far, itself uncertain: the interval's best case needs fewer, the
        // smallest effect worth showing needs more. Saying both keeps a count that moves between rounds from surprising.
        int fewest = Math.max(perJudgement(GateStatistics.pairedItemsNeeded(t, Math.max(interval.high(), MIN_EFFECT)) - t.n(), yield),
                forTickets);
        int most = Math.max(perJudgement(GateStatistics.pairedItemsNeeded(t, MIN_EFFECT) - t.n(), yield), forTickets);
        if (t.effect() < MIN_EFFECT) {
            // Below the smallest improvement worth promoting for, the effect measured decides by failing once the interval's
            // top drops under it; a candidate no better than the active version would never pass, so that is the count then.
            int failing = Math.max(perJudgement(GateStatistics.pairedItemsToStayBelow(t, MIN_EFFECT, Z90) - t.n(), yield), forTickets);
            if (t.effect() <= 0 || failing < more) {
                return new RoundResult.Gate("preference_agreement", false, undecided + " Not enough evidence yet." + moreNeeded(failing),
                        RoundResult.WAIT, t.effect(), interval.low(), interval.high(), failing);
            }
        }
        return new RoundResult.Gate("preference_agreement", false, undecided + " Not enough evidence yet." + moreNeeded(more, fewest, most),
                RoundResult.WAIT, t.effect(), interval.low(), interval.high(), more);
    }

    /**
     * A range wholly above zero reads as "better" to anyone, yet the exact count of the preferences the versions split on
     * decides, and on a handful of splits the two disagree: say which one rules, so the page does not contradict itself.
     */
    static String rangeAboveZeroYetUndecided(Paired t, Interval interval, double p) {
        return p < GateStatistics.ALPHA || interval.low() <= 0 ? "" : format(" The range lies above zero, but only an exact count"
                + " of the %s the versions chose differently on decides: %d to %d for the candidate, a split luck alone gives %.1f%% of"
                + " the time, not under the %.0f%% this check accepts.", Counts.of(t.onlyFirst() + t.onlySecond(), "preference"),
                t.onlyFirst(), t.onlySecond(), 100 * p, 100 * GateStatistics.ALPHA);
    }

    /**
     * Why a clear result on too few tickets waits, whichever way it leans: one ticket's repeat or sibling judgements are
     * not independent evidence, for rejecting a candidate no more than for promoting it.
     */
    static String tooFewTickets(int tickets) {
        return format(" Not enough evidence yet: they come from only %s, and this check passes or fails a version only on"
                + " preferences from at least %d different tickets (judgements of one ticket largely repeat each other).",
                Counts.of(tickets, "ticket"), FEWEST_TICKETS);
    }

    /** Judgements that would bring the held-out preferences up to {@link #FEWEST_TICKETS} tickets (0: there already). */
    static int forTickets(int tickets, Evidence evidence) {
        return tickets >= FEWEST_TICKETS ? 0 : perJudgement(FEWEST_TICKETS - tickets, (double) tickets / evidence.judgements());
    }

    private static RoundResult.Gate replyIntent(RoundSettings settings, Paired t) {
        double margin = settings.maxIntentDrop();
        if (t == null || t.n() == 0) {
            return RoundResult.Gate.of("reply_intent", RoundResult.PASS,
                    "No labelled tickets kept aside for measuring have replies: whether replies fit the intent was not checked.");
        }
        Interval interval = GateStatistics.newcombe(t, Z90);
        String measured = format("On %d labelled tickets kept aside for measuring, the candidate's first reply fits the intent for %.0f%%, the active "
                + "version's for %.0f%%: %+.1f points (90%% interval %+.1f to %+.1f; largest allowed drop %.1f).", t.n(), 100 * t.first(),
                100 * t.second(), 100 * t.effect(), 100 * interval.low(), 100 * interval.high(), 100 * margin);
        if (interval.low() > -margin || t.onlySecond() == 0) {
            // A candidate right on every ticket the active version gets right cannot be worse.
            return gate("reply_intent", RoundResult.PASS, measured, t.effect(), interval, null);
        }
        if (interval.high() < -margin) {
            // Each held-out labelled ticket is a ticket of its own, so the preference gates' floor applies to the count itself.
            return t.n() >= FEWEST_TICKETS
                    ? gate("reply_intent", RoundResult.FAIL, measured + " The candidate is worse.", t.effect(), interval, null)
                    : gate("reply_intent", RoundResult.WAIT, measured + format(" So far the candidate is worse, but this check fails a"
                            + " version only on at least %d labelled tickets kept for checking: importing more labelled tickets (one in five"
                            + " is kept aside) would decide it.", FEWEST_TICKETS), t.effect(), interval, null);
        }
        return gate("reply_intent", RoundResult.WAIT, measured + " More labelled test tickets would decide it.", t.effect(), interval, null);
    }

    /** Judgements that yield {@code items} more held-out items at the observed yield per judgement. */
    static int perJudgement(int items, double itemsPerJudgement) {
        return (int) Math.ceil(Math.max(items, 1) / Math.max(itemsPerJudgement, 0.01));
    }

    /** How a check's detail ends when its count of judgements buys only a first estimate (pages tell it apart by this). */
    static final String FIRST_ESTIMATE = "give a first estimate";

    /**
     * A preference check passes or fails only on held-out preferences from at least this many different tickets. The tests count
     * each (ticket, reply pair) once, yet several reply pairs of one ticket still share its wording and its reviewers'
     * reading of it; a one-sided test at α = 0.05 needs five pairs all one way, and this asks for twice as many tickets.
     */
    static final int FEWEST_TICKETS = 10;

    /** Fewer held-out preferences than this say too little about how often two versions differ to extrapolate from. */
    static final int FEWEST_TO_EXTRAPOLATE = 20;

    /** Beyond this many, "about N more judgements" is no plan a team can follow: the versions are about as good. */
    static final int FAR_MORE_JUDGEMENTS = 5000;

    /** How many more judgements would decide a check, in words a support lead can act on. */
    static String moreNeeded(int more) {
        return more > FAR_MORE_JUDGEMENTS
                ? format(" Even %,d more judgements might not decide it: on this measure the result is too close to call.",
                        FAR_MORE_JUDGEMENTS)
                : format(" About %d more judgements would decide it.", more);
    }

    /**
     * The same with its range, when it is wide: {@code fewest} if the candidate is as much better as the evidence
     * allows, {@code most} if it is better by only the smallest difference the gate looks for.
     */
    static String moreNeeded(int more, int fewest, int most) {
        if (more > FAR_MORE_JUDGEMENTS || (fewest >= 0.8 * more && most <= 1.25 * more)) {
            return moreNeeded(more);
        }
        String upTo = most > FAR_MORE_JUDGEMENTS ? format("more than %,d", FAR_MORE_JUDGEMENTS) : String.valueOf(most);
        return format(" About %d more judgements would decide it: as few as %d if the candidate is clearly better, up to %s if it is"
                + " only %.0f points better.", more, Math.min(fewest, more), upTo, 100 * MIN_EFFECT);
    }

    static RoundResult.Gate gate(String name, String verdict, String detail, double effect, Interval interval, Integer more) {
        String text = more == null ? detail : detail + moreNeeded(more);
        return new RoundResult.Gate(name, RoundResult.PASS.equals(verdict), text, verdict, effect, interval.low(), interval.high(), more);
    }

    static RoundResult.Gate wait(String name, String detail, Double effect, Double low, Double high, int more) {
        return new RoundResult.Gate(name, false, detail + moreNeeded(more), RoundResult.WAIT,
                effect, low, high, more);
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
