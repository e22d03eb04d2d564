package dev.loopwise.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The score shown next to a passage on Try a ticket stays on its side of the grounding threshold, so that a passage left
 * out never shows the same figure as one given to the assistant.
 */
class KnowledgeScoreTextTest {
    private static Passage scored(double score) {
        return new Passage(1, "Discount codes", null, "A discount code may have a minimum spend.", score);
    }

    @Test
    void aPassageJustBelowTheThresholdDoesNotShowTheThresholdsFigure() {
        assertEquals("0.64", KnowledgeFormats.scoreText(scored(0.6496), 0.65));
        assertEquals("0.65", KnowledgeFormats.scoreText(scored(0.6504), 0.65));
        assertEquals("Weak: probably not about this ticket; it would be left out.", KnowledgeFormats.match(scored(0.6496), 0.65));
    }

    @Test
    void aPassageAtOrAboveTheThresholdNeverShowsLessThanIt() {
        assertEquals("0.66", KnowledgeFormats.scoreText(scored(0.6551), 0.655));
        assertEquals("0.65", KnowledgeFormats.scoreText(scored(0.6549), 0.655));
        assertEquals("0.78", KnowledgeFormats.scoreText(scored(0.7812), 0.65));
    }
}
