package dev.loopwise.alignment.preference;

import dev.loopwise.common.text.SameWords;

/**
 * One human comparison as the reward model learns it: a prompt (the ticket), two replies and the
 * verdict. {@code first} is preferred for {@link Kind#PREFERENCE}; {@link Kind#TIE} says they are equally
 * good; {@link Kind#BOTH_BAD} says neither should be sent. {@code margin} ≥ 0 comes from star ratings;
 * {@code weight} is the reviewer's reliability. {@code group} keeps pairs of one ticket on one side of a split.
 */
public record PreferencePair(String prompt, String first, String second, Kind kind, double margin, double weight,
                             String group, long judgementId) {
    public enum Kind { PREFERENCE, TIE, BOTH_BAD }

    /**
     * Whether this comparison can teach the reward model anything: not a reply set against itself (the same words, case
     * and spacing aside), where both rewards move together and no gradient is left. "Both bad" pushes each reply down on
     * its own, so it always teaches.
     */
    public boolean teaches() {
        return kind == Kind.BOTH_BAD || !sameWords(first, second);
    }

    /** The same reply, case and spacing aside: set against each other, they teach no preference. */
    static boolean sameWords(String one, String other) {
        return SameWords.same(one, other);
    }
}
