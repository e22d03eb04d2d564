package dev.loopwise.alignment.simulation;

import dev.loopwise.alignment.preference.PreferencePair;
import java.util.Arrays;
import java.util.Random;

/**
 * Reviewers with a hidden "true" utility u(x, a) = 1[intent(a) = intent(x)] + λ·q(a): the right intent,
 * plus a quality of each reply that no historical agent reply teaches ({@link PreferenceKind}). Like human
 * raters (InstructGPT reports ≈73% inter-rater agreement) they report the true verdict only with
 * probability {@code agreement}, and the opposite (or, for a true tie, a coin flip) otherwise.
 */
public final class SimulatedReviewers {
    private final double[] quality;
    private final String[] replyIntents;
    private final boolean passFail;
    private final boolean ties;
    private final double lambda;
    private final double agreement;
    private final Random random;

    /** Today's reviewers: a latent brand-voice quality per reply ({@link PreferenceKind#VOICE}). */
    public SimulatedReviewers(String[] replyIntents, double lambda, double agreement, long seed) {
        this(replyIntents, voices(replyIntents.length, seed), PreferenceKind.VOICE, lambda, agreement, seed);
    }

    /** @param quality q(a) per library reply, from {@link PreferenceKind#qualities} of {@code kind} */
    public SimulatedReviewers(String[] replyIntents, double[] quality, PreferenceKind kind, double lambda, double agreement, long seed) {
        if (quality.length != replyIntents.length) {
            throw new IllegalArgumentException("one quality per reply: " + quality.length + " for " + replyIntents.length);
        }
        this.replyIntents = replyIntents;
        this.quality = quality.clone();
        this.passFail = kind.passFail();
        this.ties = kind != PreferenceKind.VOICE;
        this.lambda = lambda;
        this.agreement = agreement;
        this.random = new Random(seed);
    }

    private static double[] voices(int replies, long seed) {
        Random voices = new Random(seed * 31 + 7);
        double[] voice = new double[replies];
        for (int a = 0; a < voice.length; a++) {
            voice[a] = voices.nextDouble();
        }
        return voice;
    }

    public double utility(String ticketIntent, int reply) {
        return (replyIntents[reply].equals(ticketIntent) ? 1 : 0) + lambda * quality[reply];
    }

    /** The reply with the highest true utility for a ticket of this intent (the first of several equally good). */
    public int best(String ticketIntent) {
        int best = 0;
        for (int a = 1; a < quality.length; a++) {
            if (utility(ticketIntent, a) > utility(ticketIntent, best)) {
                best = a;
            }
        }
        return best;
    }

    /**
     * True when this reply is as good as the best for a ticket of this intent (pass/fail kinds have several best
     * replies). A ticket whose intent has no reply in the library (out of scope) has no best reply.
     */
    public boolean isBest(String ticketIntent, int reply) {
        return Arrays.asList(replyIntents).contains(ticketIntent)
                && utility(ticketIntent, reply) >= utility(ticketIntent, best(ticketIntent)) - 1e-12;
    }

    /** A reply a reviewer would send: the right intent and, for pass/fail kinds, passing. */
    public boolean fit(String ticketIntent, int reply) {
        return replyIntents[reply].equals(ticketIntent) && !(passFail && quality[reply] <= 0);
    }

    /**
     * A noisy verdict on two replies: two unfit replies are "both bad"; equally good ones a tie (pass/fail
     * kinds tie often, concise on equal lengths); otherwise the better one, usually. Voice keeps the verdicts
     * and random numbers of the reviewers before other kinds existed, so voice runs and the coin-flipping
     * reviewers of {@link NullRounds} (voice with λ = 0, every same-intent pair equal) are unchanged.
     */
    public PreferencePair.Kind judge(String ticketIntent, int first, int second, boolean[] firstWins) {
        if (!fit(ticketIntent, first) && !fit(ticketIntent, second) && random.nextDouble() < agreement) {
            return PreferencePair.Kind.BOTH_BAD;
        }
        double difference = utility(ticketIntent, first) - utility(ticketIntent, second);
        if (ties && difference == 0) {
            if (random.nextDouble() < agreement) {
                return PreferencePair.Kind.TIE;
            }
            firstWins[0] = random.nextBoolean();
            return PreferencePair.Kind.PREFERENCE;
        }
        firstWins[0] = random.nextDouble() < agreement == difference > 0;
        return PreferencePair.Kind.PREFERENCE;
    }
}
