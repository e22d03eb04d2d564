package dev.loopwise.alignment.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.knowledge.Passage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The prompt of a conversational export row: a system turn first when there is something to say in it, then the ticket as
 * the user's; never an empty system turn, which chat templates render as an empty system block.
 */
class ConversationalPromptTest {
    private static final List<Passage> RETURNS = List.of(new Passage(1, "Returns", null, "30 days from delivery.", 0.8));

    @Test
    void theSystemTurnHoldsTheInstructionsAndThePassagesAndIsLeftOutWhenBothAreEmpty() {
        assertEquals(List.of(Map.of("role", "system", "content", "Be kind.\n\nKnowledge-base passages:\n[1] Returns: 30 days from delivery."),
                Map.of("role", "user", "content", "Can I return it?")), ConversationalExport.prompt("Be kind.", RETURNS, "Can I return it?"));
        assertEquals(List.of(Map.of("role", "system", "content", "Be kind."), Map.of("role", "user", "content", "Hello")),
                ConversationalExport.prompt("Be kind.", List.of(), "Hello"));
        assertEquals(List.of(Map.of("role", "system", "content", "Knowledge-base passages:\n[1] Returns: 30 days from delivery."),
                Map.of("role", "user", "content", "Can I return it?")), ConversationalExport.prompt(" ", RETURNS, "Can I return it?"));
        assertEquals(List.of(Map.of("role", "user", "content", "Hello")), ConversationalExport.prompt("", null, "Hello"));
        assertEquals(List.of(Map.of("role", "user", "content", "Hello")), ConversationalExport.prompt(" \n", List.of(), "Hello"));
    }
}
