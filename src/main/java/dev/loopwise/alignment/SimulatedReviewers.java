package dev.loopwise.alignment;

import java.util.Random;

/**
 * Reviewers with a hidden "true" utility u(x, a) = 1[intent(a) = intent(x)] + λ·voice(a): the right intent,
 * plus a brand-voice quality of each reply that no historical agent reply teaches. Like human raters
 * (InstructGPT reports ≈73% inter-rater agreement) they report the truly better reply only with
 * probability {@code agreement}, and the opposite otherwise.
 */
public final class SimulatedReviewers {
    private final double[] voice;
    private final String[] replyIntents;
    private final double lambda;
    private final double agreement;
    private final Random random;

    public SimulatedReviewers(String[] replyIntents, double lambda, double agreement, long seed) {
        this.replyIntents = replyIntents;
        this.lambda = lambda;
        this.agreement = agreement;
        Random voices = new Random(seed * 31 + 7);
        this.voice = new double[replyIntents.length];
        for (int a = 0; a < voice.length; a++) {
            voice[a] = voices.nextDouble();
        }
        this.random = new Random(seed);
    }

    public double utility(String ticketIntent, int reply) {
        return (replyIntents[reply].equals(ticketIntent) ? 1 : 0) + lambda * voice[reply];
    }

    /** The reply with the highest true utility for a ticket of this intent. */
    public int best(String ticketIntent) {
        int best = 0;
        for (int a = 1; a < voice.length; a++) {
            if (utility(ticketIntent, a) > utility(ticketIntent, best)) {
                best = a;
            }
        }
        return best;
    }

    /** A noisy verdict on two replies: both of the wrong intent are "both bad"; otherwise the better one, usually. */
    public PreferencePair.Kind judge(String ticketIntent, int first, int second, boolean[] firstWins) {
        boolean firstRight = replyIntents[first].equals(ticketIntent);
        boolean secondRight = replyIntents[second].equals(ticketIntent);
        if (!firstRight && !secondRight && random.nextDouble() < agreement) {
            return PreferencePair.Kind.BOTH_BAD;
        }
        boolean truth = utility(ticketIntent, first) > utility(ticketIntent, second);
        firstWins[0] = random.nextDouble() < agreement == truth;
        return PreferencePair.Kind.PREFERENCE;
    }
}
