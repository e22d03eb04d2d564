package dev.loopwise.common.text;

import java.util.regex.Pattern;

/**
 * Whole numbers as a request writes them: an optional sign and the digits 0 to 9. Java's own parsers also read every
 * other script's digits ("١٢٣", full-width "１２３") as 123, so an id or a count written that way reached the row 123
 * while a listing's paging refused the same text: every number read from an address, a query or a form follows these rules.
 */
public final class WholeNumbers {
    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern PLAIN = Pattern.compile("0|[1-9][0-9]*");

    private WholeNumbers() {
    }

    /** Whether {@code typed} is a whole number written with the digits 0 to 9 (of any length). */
    public static boolean isWhole(String typed) {
        return typed != null && WHOLE.matcher(typed).matches();
    }

    /**
     * Whether {@code typed} is written as Loopwise writes an id or a count: the digits 0 to 9 alone, without a sign, a
     * leading zero or spaces. "+1", "01" and "-0" are otherwise read as 1, 1 and 0, so two addresses name one row and a
     * client's bug that pads or signs its ids goes unnoticed.
     */
    public static boolean isPlain(String typed) {
        return typed != null && PLAIN.matcher(typed).matches();
    }

    /** Whether {@code typed} holds a digit other than 0 to 9 (another script's, or a full-width one). */
    public static boolean hasOtherDigits(String typed) {
        return typed != null && typed.chars().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'));
    }

    /**
     * A plain ({@link #isPlain}) {@code typed} as a long; anything else fails as Java's parser does, so the mappers quote
     * the value the same way.
     */
    public static long parsePlainLong(String typed) {
        if (!isPlain(typed)) {
            throw new NumberFormatException("For input string: \"" + typed + "\"");
        }
        return Long.parseLong(typed);
    }

    /** A plain {@code typed} as an int, by the same rule as {@link #parsePlainLong}. */
    public static int parsePlainInt(String typed) {
        if (!isPlain(typed)) {
            throw new NumberFormatException("For input string: \"" + typed + "\"");
        }
        return Integer.parseInt(typed);
    }
}
