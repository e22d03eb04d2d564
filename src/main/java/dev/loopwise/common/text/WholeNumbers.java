package dev.loopwise.common.text;

import java.util.regex.Pattern;

/**
 * Whole numbers as a request writes them: an optional sign and the digits 0 to 9. Java's own parsers also read every
 * other script's digits ("١٢٣", full-width "１２３") as 123, so an id or a count written that way reached the row 123
 * while a listing's paging refused the same text: every number read from an address, a query or a form follows this rule.
 */
public final class WholeNumbers {
    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");

    private WholeNumbers() {
    }

    /** Whether {@code typed} is a whole number written with the digits 0 to 9 (of any length). */
    public static boolean isWhole(String typed) {
        return typed != null && WHOLE.matcher(typed).matches();
    }

    /** Whether {@code typed} holds a digit other than 0 to 9 (another script's, or a full-width one). */
    public static boolean hasOtherDigits(String typed) {
        return typed != null && typed.chars().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'));
    }

    /** {@code typed} as a long; anything else fails as Java's parser does, so the mappers quote the value the same way. */
    public static long parseLong(String typed) {
        if (!isWhole(typed)) {
            throw new NumberFormatException("For input string: \"" + typed + "\"");
        }
        return Long.parseLong(typed);
    }

    /** {@code typed} as an int, by the same rule as {@link #parseLong}. */
    public static int parseInt(String typed) {
        if (!isWhole(typed)) {
            throw new NumberFormatException("For input string: \"" + typed + "\"");
        }
        return Integer.parseInt(typed);
    }
}
