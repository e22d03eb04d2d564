package dev.loopwise.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The labels of Try a ticket, on scores bge-small-en-v1.5 gave the demo's articles for "I want to send back the shoes I
 * bought": the returns steps 0.701, a damaged-items passage 0.692, refunds 0.681, cancelling an order 0.673. All four
 * pass the grounding threshold of 0.65 and none reaches the close line, so the label they share must not say they are
 * on the ticket's subject: cancelling an order is not.
 */
class KnowledgeMatchLabelTest {
    private static Passage scored(String title, double score) {
        return new Passage(1, title, null, "A passage.", score);
    }

    @Test
    void aPassageBetweenTheThresholdAndTheCloseLineIsNotPromisedToBeOnTheTicketsSubject() {
        String cancelling = KnowledgeFormats.match(scored("Cancelling an order", 0.673), 0.65);
        assertTrue(cancelling.startsWith("Related:"), cancelling);
        assertFalse(cancelling.contains("same subject"), cancelling);
        assertTrue(cancelling.contains("neighbouring"), cancelling);
        assertEquals(cancelling, KnowledgeFormats.match(scored("Returns and exchanges", 0.701), 0.65));
    }

    @Test
    void theCloseLineSitsAboveEachEncodersThresholdAndThePageNamesIt() {
        assertEquals("0.776", KnowledgeFormats.closeFromText(0.65));
        assertEquals("0.552", KnowledgeFormats.closeFromText(0.30));
        assertTrue(KnowledgeFormats.match(scored("Returns and exchanges", 0.828), 0.65).startsWith("Close match:"));
        assertTrue(KnowledgeFormats.match(scored("Returns and exchanges", 0.775), 0.65).startsWith("Related:"));
        assertTrue(KnowledgeFormats.match(scored("Returns and exchanges", 0.56), 0.30).startsWith("Close match:"));
    }
}
