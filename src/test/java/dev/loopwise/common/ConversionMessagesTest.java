package dev.loopwise.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A value that does not convert is judged by all of it, and quoted back as sent: shortened, its invisible characters shown. */
class ConversionMessagesTest {
    private static final String FORTY_ONES = "1".repeat(40);

    private static NumberFormatException failed(String value) {
        return new NumberFormatException("For input string: \"" + value + "\"");
    }

    @Test
    void aLongNumberWithALetterAfterItIsNoNumberNotAFarLargerOneAndTheLetterIsShown() {
        String cut = "1".repeat(20) + "…" + "1".repeat(9) + "x";
        assertEquals("The query parameter 'limit' must be a whole number, written with the digits 0 to 9, not '" + cut + "'.",
                ConversionMessages.badAddressValue(failed(FORTY_ONES + "1x"), "limit", false));
        assertEquals("The query parameter 'limit' is far larger than this request takes ('" + FORTY_ONES + "…').",
                ConversionMessages.badAddressValue(failed(FORTY_ONES + "12"), "limit", false));
        assertEquals(ConversionMessages.notANumber(cut), ConversionMessages.badFormValue(failed(FORTY_ONES + "1x")));
        assertEquals("1".repeat(20) + "…" + "1".repeat(9) + "\\u200B" + "1".repeat(9) + "…",
                ConversionMessages.shown(FORTY_ONES + "1\u200B" + "1".repeat(20)), "an invisible character past the cut is shown");
    }

    @Test
    void anAddressValueWithALineBreakAfterItStillGetsItsSuggestion() {
        assertEquals(HttpMessages.notPlainNumber("5\\n", "5\n"), ConversionMessages.badAddressValue(failed("5\n")));
        assertEquals("'5\\n' is not a plain number: ids are plain positive whole numbers, written with the digits 0 to 9 alone,"
                + " without a sign, leading zeros or spaces: write '5'.", ConversionMessages.badAddressValue(failed("5\n")));
    }

    @Test
    void aValueHoldingAQuotationMarkIsQuotedWhole() {
        assertEquals("The query parameter 'limit' must be a whole number, written with the digits 0 to 9, not '5\\\"'.",
                ConversionMessages.badAddressValue(failed("5\""), "limit", false));
        assertEquals("A value in the address is not what this request takes ('it\\'s')"
                        + ": ids, page numbers and counts are whole numbers. Check the query parameters and the ids in the path.",
                ConversionMessages.badAddressValue(failed("it's")));
    }

    @Test
    void controlAndInvisibleCharactersShowAsEscapesAndAVeryLongValueIsCutWithoutSplittingACharacter() {
        assertEquals("a\\nb\\tc\\u200Bd\\\\e\\u0000", ConversionMessages.shown("a\nb\tc\u200Bd\\e\u0000"));
        String emoji = "\uD83D\uDE00";
        assertEquals(emoji.repeat(40) + "…", ConversionMessages.shown(emoji.repeat(41)));
        assertEquals("x".repeat(40), ConversionMessages.shown("x".repeat(40)));
        assertEquals("abc\\u{E0041}\\u{E0042}", ConversionMessages.shown("abc\uDB40\uDC41\uDB40\uDC42"), "a tag character past U+FFFF");
        assertEquals("x".repeat(40) + "…", ConversionMessages.shown("x".repeat(1_000_000)));
    }
}
