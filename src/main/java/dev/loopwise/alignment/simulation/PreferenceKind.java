package dev.loopwise.alignment.simulation;

import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What the simulated reviewers value in a reply beyond its intent: the quality q(a) ∈ [0, 1] in their
 * hidden utility u(x, a) = 1[intent(a) = intent(x)] + λ·q(a). {@link #VOICE} is a latent number per reply,
 * which a reward model can memorise reply by reply; the others are read from the reply's text, in ways a
 * frozen sentence vector barely shows (a few words, the length, the last line).
 */
public enum PreferenceKind {
    /** Rule: each reply has a hidden brand-voice quality, uniform in [0, 1], drawn once from the seed. */
    VOICE(false),
    /** Rule: among the replies of an intent, shorter is better — q is 1 for the shortest and 0 for the longest (rank by characters). */
    CONCISE(false),
    /** Rule: a reply that claims an action nobody took ("I've cancelled your order") is bad (q = 0), any other is good (q = 1). */
    NO_FALSE_ACTION(true),
    /** Rule: a reply is good (q = 1) only when its last line is the team's sign-off ("— The support team"), else bad (q = 0). */
    SIGN_OFF(true);

    private final boolean pass;

    PreferenceKind(boolean pass) {
        this.pass = pass;
    }

    /** The kind named on the command line ({@code no_false_action} or {@code no-false-action}). */
    public static PreferenceKind parse(String name) {
        try {
            return valueOf(name.trim().replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("preference must be one of " + names() + ", not " + name);
        }
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(PreferenceKind::label).toList());
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Pass/fail kinds: a reply of the right intent with q = 0 is not fit to send, so two such replies are
     * "both bad" to a reviewer (as two replies of the wrong intent are), and two good ones are a tie.
     */
    public boolean passFail() {
        return pass;
    }

    /** q(a) for every reply of the library, in library order. */
    public double[] qualities(List<WorkspaceSnapshot.ReplyInfo> library, long seed) {
        double[] q = new double[library.size()];
        switch (this) {
            case VOICE -> {
                // The stream today's simulator drew voices from, so voice runs stay comparable with earlier ones.
                Random voices = new Random(seed * 31 + 7);
                for (int a = 0; a < q.length; a++) {
                    q[a] = voices.nextDouble();
                }
            }
            case CONCISE -> {
                for (int a = 0; a < q.length; a++) {
                    q[a] = conciseness(library, a);
                }
            }
            case NO_FALSE_ACTION -> {
                for (int a = 0; a < q.length; a++) {
                    q[a] = ReplyText.claimsAction(library.get(a).text()) ? 0 : 1;
                }
            }
            case SIGN_OFF -> {
                for (int a = 0; a < q.length; a++) {
                    q[a] = ReplyText.endsWithSignOff(library.get(a).text()) ? 1 : 0;
                }
            }
        }
        return q;
    }

    /** 1 − (share of the intent's other replies that are strictly shorter): a rank, so that only the order of lengths matters. */
    private static double conciseness(List<WorkspaceSnapshot.ReplyInfo> library, int a) {
        String intent = library.get(a).intent();
        int length = library.get(a).text().length();
        int others = 0;
        int shorter = 0;
        for (int b = 0; b < library.size(); b++) {
            if (b != a && library.get(b).intent().equals(intent)) {
                others++;
                shorter += library.get(b).text().length() < length ? 1 : 0;
            }
        }
        return others == 0 ? 1 : 1 - (double) shorter / others;
    }
}
