package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The LLM page's shares read as measured only when answers asked the LLM: before that, a dash, not "0%". */
class LlmSharesShownTest {
    @Test
    void aShareOfNoAnswersIsADash() {
        LlmFigures.Day none = new LlmFigures.Day(0, 0, 0);
        assertEquals("—", LlmFormats.shareShown(none, none.fromDrafts()));
        assertEquals("—", LlmFormats.shareShown(none, none.fellBack()));
    }

    @Test
    void aShareOfSomeAnswersIsAPercentage() {
        LlmFigures.Day day = new LlmFigures.Day(8, 2, 0);
        assertEquals("25%", LlmFormats.shareShown(day, day.fromDrafts()));
        assertEquals("0%", LlmFormats.shareShown(day, day.fellBack()), "a measured zero stays a zero");
    }
}
