package dev.loopwise.common.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Long quoted values in an error message are shortened, and never take the problems listed after them along. */
class AbbreviatedMessagesTest {
    @Test
    void aLongQuoteIsShortenedAndAnUnclosedOneSwallowsNothing() {
        String longValue = "x".repeat(200);
        String quoted = QuotedValues.abbreviated("Unknown intent '" + longValue + "'. " + "Pick one of the list. ".repeat(30));
        assertTrue(quoted.startsWith("Unknown intent '" + "x".repeat(60) + "…'"), quoted);
        // Line 1's value is cut off by the parser before its closing quote; line 2's problem must still be read.
        String message = "Nothing was imported (2 problems): line 1: not valid JSON near '" + longValue
                + "; line 2: 'title' must be a non-empty string, not '" + "y".repeat(10) + "'." + " ".repeat(500);
        String shortened = QuotedValues.abbreviated(message);
        assertTrue(shortened.contains("line 2: 'title' must be a non-empty string"), shortened);
    }
}
