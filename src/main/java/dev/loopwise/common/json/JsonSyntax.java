package dev.loopwise.common.json;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON mistakes people make by hand — a comma after the last entry, a key or text without double quotes, a missing
 * comma or colon, a raw line break inside text — in words that say what to change, instead of the parser's ("was
 * expecting double-quote to start field name").
 */
final class JsonSyntax {
    private JsonSyntax() {
    }

    /** The parser met {@code shown} where {@code expected} says something else belongs; null when not one of these. */
    static String unexpected(String shown, String expected) {
        char found = shown.charAt(0);
        String number = number(expected);
        if (number != null) {
            return number;
        }
        if (expected.startsWith("expected a hex-digit for character escape sequence")) {
            return "a \\u escape without its four hex digits: write \\u and four hex digits (0-9, a-f), such as \\u00e9";
        }
        if (expected.startsWith("maybe a (non-standard) comment")) {
            return "a comment: JSON has none, remove it";
        }
        if (found > 127 && (expected.startsWith("expected a valid value") || expected.startsWith("was expecting double-quote"))) {
            return "'" + shown + "' outside double quotes: write keys and text in plain double quotes (\"), not typographic ones such as"
                    + " “ or ”, and use only spaces, tabs and line breaks between values";
        }
        if (expected.startsWith("was expecting double-quote to start field name")) {
            return switch (found) {
                case '}' -> "a comma before '}' with no key after it: remove the comma after the last entry";
                case '\'' -> "a key in single quotes: JSON keys go in double quotes (\"key\")";
                default -> "a key without double quotes where '" + found + "' is: write keys in double quotes (\"key\": value)";
            };
        }
        if (expected.startsWith("expected a valid value") || expected.startsWith("expected a value")) {
            return switch (found) {
                case ']' -> "a comma before ']' with no value after it: remove the comma after the last item";
                case '}', ',' -> "a value is missing before '" + found + "' (after a key's colon, or between two commas)";
                case '\'' -> "text in single quotes: JSON text goes in double quotes";
                default -> "'" + found + "' cannot start a value: text goes in double quotes, numbers without them";
            };
        }
        if (expected.startsWith("was expecting comma to separate Object entries")) {
            return "a comma is missing between two entries of an object, before '" + found + "'";
        }
        if (expected.startsWith("was expecting comma to separate Array entries")) {
            return "a comma is missing between two items of a list, before '" + found + "'";
        }
        if (expected.startsWith("was expecting a colon to separate field name and value")) {
            return "a colon is missing after a key, before '" + found + "' (write \"key\": value)";
        }
        return null;
    }

    /** A number written as JSON does not write one ("-x", "1.", "1e", "+1"); null when the mistake is not in a number. */
    private static String number(String expected) {
        if (!expected.startsWith("in numeric value: ")) {
            return null;
        }
        String problem = expected.substring("in numeric value: ".length());
        if (problem.startsWith("expected digit (0-9) to follow minus sign")) {
            return "a minus sign without a digit after it: write a number such as -5 (NaN and Infinity are not JSON numbers),"
                    + " or put text in double quotes";
        }
        if (problem.startsWith("Decimal point not followed by a digit")) {
            return "a number that ends in a decimal point: write 1 or 1.0, not 1.";
        }
        if (problem.startsWith("Exponent indicator not followed by a digit")) {
            return "a number whose exponent has no digits: write 1e5, not 1e";
        }
        if (problem.startsWith("JSON spec does not allow numbers to have plus signs")) {
            return "a number with a plus sign: write 5, not +5";
        }
        return "a number that is not written as JSON writes one (such as -5, 1.5 or 2e3)";
    }

    private static final Pattern CONTROL = Pattern.compile("^Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");

    private static final Pattern TOO_LONG = Pattern.compile(
            "^(Number value|Name|String value) length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

    /** Other parser messages about the text itself; null when not one of these. */
    static String other(String message) {
        Matcher tooLong = TOO_LONG.matcher(message);
        if (tooLong.find()) {
            String length = String.format(Locale.ROOT, "%,d", Long.parseLong(tooLong.group(2)));
            String most = String.format(Locale.ROOT, "%,d", Long.parseLong(tooLong.group(3)));
            return switch (tooLong.group(1)) {
                case "Number value" -> "a number " + length + " digits long: a number has at most " + most + " digits";
                case "Name" -> "a key " + length + " characters long: a key is a field's name, at most " + most + " characters";
                // The parser stops reading a text as soon as it is too long, so its count is where it stopped, not the text's length.
                default -> "a text more than " + most + " characters long: one value holds at most " + most;
            };
        }
        Matcher control = CONTROL.matcher(message);
        if (control.find()) {
            return String.format(Locale.ROOT, "a control character (U+%04X) outside text: remove it (only spaces, tabs and line breaks"
                    + " may stand between values)", Integer.parseInt(control.group(1)));
        }
        if (message.startsWith("Illegal unquoted character ((CTRL-CHAR, code 10))")
                || message.startsWith("Illegal unquoted character ((CTRL-CHAR, code 13))")) {
            return "a line break inside text: write it as \\n";
        }
        if (message.startsWith("Illegal unquoted character ((CTRL-CHAR, code 9))")) {
            return "a tab inside text: write it as \\t";
        }
        if (message.startsWith("Illegal unquoted character")) {
            return "a control character inside text: remove it, or write it as \\u followed by its four hex digits";
        }
        if (message.startsWith("Unrecognized character escape")) {
            return "a backslash inside text that starts no escape: write a backslash as \\\\";
        }
        if (message.startsWith("Invalid numeric value: Leading zeroes not allowed")) {
            return "a number that starts with 0: write 7, not 07 (or put it in double quotes if it is text)";
        }
        if (message.startsWith("Non-standard token 'NaN'") || message.startsWith("Non-standard token 'Infinity'")
                || message.startsWith("Non-standard token '-Infinity'") || message.startsWith("Non-standard token '+Infinity'")) {
            return "NaN and Infinity are not JSON numbers: send a number";
        }
        if (message.startsWith("Unexpected end-of-input: was expecting closing quote")) {
            return "a text has no closing double quote";
        }
        if (message.startsWith("Unexpected close marker")) {
            return "a bracket closes what another opened ('}' closes '{', ']' closes '['): check the brackets";
        }
        return null;
    }
}
