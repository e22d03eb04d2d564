package dev.loopwise.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The LLM's part in a tried answer reads as what happened, not as the status code the API keeps. */
class TryFormatsTest {
    @Test
    void llmStatusesReadAsWhatHappened() {
        assertEquals("it wrote 3 drafts", TryFormats.llmStatusWords("ok: 3 drafts"));
        assertEquals("it wrote 1 draft", TryFormats.llmStatusWords("ok: 1 draft"));
        assertEquals("it did not answer in time", TryFormats.llmStatusWords("unavailable: timeout"));
        assertEquals("it is paused after failing several times in a row; Loopwise tries it again shortly",
                TryFormats.llmStatusWords("unavailable: circuit open"));
        assertEquals("it gave no drafts: the server refused the API key", TryFormats.llmStatusWords("unavailable: the server refused the API key"));
        assertEquals("it asked Loopwise to slow down, so the library answers until 10:00:12 UTC",
                TryFormats.llmStatusWords("unavailable: the LLM asked us to slow down; answering from the reply library until 10:00:12 UTC"));
        assertEquals("", TryFormats.llmStatusWords(null));
    }

    @Test
    void smallProbabilitiesAreNotSaidAsCertainlyNot() {
        assertEquals("less than 1%", TryFormats.sure(0.001));
        assertEquals("more than 99%", TryFormats.sure(0.998));
        assertEquals("42%", TryFormats.sure(0.42));
    }

    @Test
    void aCertaintyJustBelowTheHandOverLineReadsBelowIt() {
        assertEquals("40.9%", TryFormats.sureBeside(0.409, 0.4123));
        assertEquals("41.2%", TryFormats.sureBeside(0.4123, 0.409));
        assertEquals("41.234%", TryFormats.sureBeside(0.41234, 0.41226));
        assertEquals("30%", TryFormats.sureBeside(0.3, 0.41), "apart already: whole percent");
        assertEquals("less than 1%", TryFormats.sureBeside(0.001, 0.4));
    }

    @Test
    void theCertaintyAndTheHandOverLineAreSaidToTheSameDecimals() {
        // 41.4% sure against a 41.2% line: "41% sure" above "at least 41.2% sure" would read as below the line.
        String text = TryFormats.sureMeaning(0.414, 0.412, false);
        assertTrue(text.startsWith("\u201c41.4% sure\u201d") && text.contains("at least 41.2% sure"), text);
        String apart = TryFormats.sureMeaning(0.9, 0.412, false);
        assertTrue(apart.startsWith("\u201c90% sure\u201d") && apart.contains("at least 41% sure"), apart);
    }

    @Test
    void theCertaintyIsNotSaidToComeFromLabelledTicketsAVersionMayNeverHaveSeen() {
        // A version trained on descriptions only learned no labelled ticket.
        String text = TryFormats.sureMeaning(0.7, 0.4, false);
        assertTrue(text.contains("from what it learned of your intents") && !text.contains("labelled tickets"), text);
    }
}
