package dev.loopwise.model.registry;

/**
 * What a comparison of two versions advises, decided where the figures are weighed, and its words. A version's own page
 * opens with the verdict; searching the words for it instead would miss advice that depends on something.
 *
 * @param reason for {@link Verdict#CONDITIONAL}, what the switch depends on, as a clause ("how well it answers gift_wrap is not
 *               measured"); null otherwise
 */
record ComparisonAdvice(Verdict verdict, String reason, String text) {
    enum Verdict {
        /** Switch to the other version. */
        SWITCH,
        /** Keep the active version: the other is worse, the same, or lacks what the active one answers. */
        KEEP,
        /** Switching may be right, depending on {@link #reason}. */
        CONDITIONAL,
        /** Not shown better or worse yet: more evidence could decide. */
        UNDECIDED,
        /** The two were never measured against each other. */
        NOT_MEASURED
    }

    static ComparisonAdvice of(Verdict verdict, String text) {
        return new ComparisonAdvice(verdict, null, text);
    }

    static ComparisonAdvice conditional(String reason, String text) {
        return new ComparisonAdvice(Verdict.CONDITIONAL, reason, text);
    }
}
