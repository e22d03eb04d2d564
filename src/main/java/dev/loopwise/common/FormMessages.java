package dev.loopwise.common;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Sentences for a number typed into a page's form that the page refuses: shown above the form again, with what was
 * typed still in it, so each names the field by its label and says what to type instead.
 */
public final class FormMessages {
    private FormMessages() {
    }

    /** Nothing typed in a field that has no default. */
    public static String missing(String label, boolean whole, String range) {
        return label + ": type " + kind(whole) + range(range) + ".";
    }

    /** Letters, a comma for a point, or anything else that is no number as people write one. */
    public static String notANumber(String label, String typed, boolean whole, String range, boolean required) {
        String what = whole ? "one" + range(range) + (range == null || range.isEmpty() ? ", such as 42" : "")
                : "a number" + range(range) + ", with a point for decimals (0.5, not 0,5)";
        return label + ": '" + shown(typed) + "' is not " + kind(whole) + ". Type " + what + orEmpty(required) + ".";
    }

    /** The right number with spaces around it (" 3 "): said, not guessed at, as everywhere else a number is typed. */
    public static String spaces(String label, String typed) {
        return label + ": '" + shown(typed) + "' has spaces around the number: type the number alone.";
    }

    /** A number written with another script's digits ("١٢", full-width "１２"). */
    public static String otherDigits(String label, String typed) {
        return label + ": '" + shown(typed) + "' is written with digits other than 0 to 9: type the number with the digits 0 to 9.";
    }

    /** A whole number where only whole numbers make sense ("2.5" epochs). */
    public static String notWhole(String label, String typed, String range) {
        return label + ": '" + shown(typed) + "' is not a whole number: this field asks for a count. Type one" + range(range) + ".";
    }

    /**
     * A number past the field's bounds. A field that takes any whole number still has the computer's own (19 digits):
     * "type a whole number" alone would read as nonsense beside the whole number just typed, so it says how long one may be.
     */
    public static String outOfRange(String label, String typed, boolean whole, String range, boolean tooSmall) {
        String bounds = whole && (range == null || range.isEmpty()) ? " of 18 digits or fewer" : range(range);
        return label + ": " + shown(typed) + " is too " + (tooSmall ? "small" : "large") + ". Type " + kind(whole) + bounds + ".";
    }

    /** "from 1 to 10,000", "from 0.01 to 100", in the way the field's own numbers are written. */
    public static String between(Number min, Number max) {
        return "from " + written(min) + " to " + written(max);
    }

    private static String written(Number n) {
        if (n instanceof Double || n instanceof Float) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%,d", n.longValue());
    }

    private static String kind(boolean whole) {
        return whole ? "a whole number" : "a number";
    }

    private static String range(String range) {
        return range == null || range.isEmpty() ? "" : " " + range;
    }

    private static String orEmpty(boolean required) {
        return required ? "" : ", or leave the field empty for the default";
    }

    private static String shown(String typed) {
        return typed.length() > 40 ? typed.substring(0, 40) + "…" : typed;
    }
}
