package dev.loopwise.knowledge;

import io.quarkus.qute.TemplateExtension;

/** How passages and their scores read for a support lead. */
@TemplateExtension
public class KnowledgeFormats {
    /**
     * Scores this share of the way from the grounding threshold to 1 read as a close match: about the top 40% of
     * same-subject pairs with either encoder (0.55 for all-MiniLM-L6-v2's threshold of 0.30, 0.78 for bge-small's 0.65).
     */
    private static final double CLOSE_SHARE = 0.36;

    /** The score in plain words: what it means for a ticket like the one tried. */
    static String match(Passage passage, double minScore) {
        double s = passage.score();
        if (s >= minScore + CLOSE_SHARE * (1 - minScore)) {
            return "Close match: this passage is about what the ticket asks; it would be given to the assistant.";
        }
        if (s >= minScore) {
            return "Related: same subject, maybe not the exact answer; it would be given to the assistant.";
        }
        return "Weak: probably not about this ticket; it would be left out.";
    }

    /**
     * The score to two places, never rounded across the grounding threshold: a passage left out must not show the
     * threshold's own figure (0.6496 as "0.65" under a threshold of 0.65) next to one given to the assistant.
     */
    static String scoreText(Passage passage, double minScore) {
        java.math.BigDecimal score = java.math.BigDecimal.valueOf(passage.score());
        java.math.BigDecimal shown = score.setScale(2, passage.score() < minScore ? java.math.RoundingMode.FLOOR : java.math.RoundingMode.HALF_UP);
        if (passage.score() >= minScore && shown.doubleValue() < minScore) {
            shown = score.setScale(2, java.math.RoundingMode.CEILING);
        }
        return shown.toPlainString();
    }

    static String css(Passage passage, double minScore) {
        return passage.score() >= minScore ? "match good" : "match weak";
    }
}
