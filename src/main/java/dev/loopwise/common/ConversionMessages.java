package dev.loopwise.common;

import dev.loopwise.common.text.WholeNumbers;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is said of a value in an address or a form that does not convert to the number its parameter or field holds: the
 * framework's failure quotes the value, and the sentence says what was wrong with it (another script's digits, a sign, a
 * number past what the field holds, a decimal comma) rather than only that it is not a number.
 */
public final class ConversionMessages {
    private ConversionMessages() {
    }

    public static String badAddressValue(Throwable conversion) {
        String value = quotedValue(conversion);
        if (WholeNumbers.hasOtherDigits(value)) {
            return HttpMessages.otherDigitsInAddress(shown(value));
        }
        if (WholeNumbers.isPlain(value)) {
            // A whole number past what the parameter holds: "ids are whole numbers" would not say what is wrong with it.
            return "A value in the address is far larger than this request takes ('" + shown(value) + "'): check the query parameters"
                    + " and the ids in the path.";
        }
        if (value != null && WHOLE.matcher(value.strip()).matches()) {
            return HttpMessages.notPlainNumber(shown(value), value);
        }
        return "A value in the address is not what this request takes" + (value != null ? " ('" + shown(value) + "')" : "")
                + ": ids, page numbers and counts are whole numbers. Check the query parameters and the ids in the path.";
    }

    /**
     * As {@link #badAddressValue(Throwable)}, saying first which of the address's values it is (the path's version, the query's
     * expectedActive): a value alone leaves the client to find where it wrote it. {@code parameter} null: not known.
     */
    public static String badAddressValue(Throwable conversion, String parameter, boolean inPath) {
        return badAddressValue(conversion, parameter, inPath, 0);
    }

    /**
     * As {@link #badAddressValue(Throwable, String, boolean)}, naming the largest value the parameter holds ({@code largest}; 0:
     * not known), so that a number past it says what to send rather than only that it is too large.
     */
    public static String badAddressValue(Throwable conversion, String parameter, boolean inPath, long largest) {
        if (parameter == null) {
            // A parameter whose annotation leaves its name to the Java parameter's: the limit is still known.
            String value = quotedValue(conversion);
            return largest > 0 && WholeNumbers.isPlain(value) ? String.format(Locale.ROOT, "A value in the address is too large ('%s'):"
                    + " it is at most %,d. Check the query parameters and the ids in the path.", shown(value), largest)
                    : badAddressValue(conversion);
        }
        String where = inPath ? "The " + parameter + " in the path" : "The query parameter '" + parameter + "'";
        String value = quotedValue(conversion);
        if (inPath && parameter.equals("version") && value != null && AS_SHOWN.matcher(value).matches()) {
            // The pages print versions as "v3": a client copying one is told the one change to make.
            return where + " is written as the pages print it ('" + shown(value) + "'): write the number alone, '"
                    + shown(value.substring(1)) + "'.";
        }
        if (value != null && !WholeNumbers.hasOtherDigits(value) && !WholeNumbers.isPlain(value) && !WHOLE.matcher(value.strip()).matches()) {
            return where + " must be a whole number, written with the digits 0 to 9, not '" + shown(value) + "'.";
        }
        if (WholeNumbers.isPlain(value)) {
            // With its limit named, "far larger" would overstate a value one past it.
            return largest > 0 ? String.format(Locale.ROOT, "%s is too large ('%s'): it is at most %,d.", where, shown(value), largest)
                    : where + " is far larger than this request takes ('" + shown(value) + "').";
        }
        return where + ": " + badAddressValue(conversion);
    }

    public static String badFormValue(Throwable conversion) {
        String value = quotedValue(conversion);
        if (WholeNumbers.hasOtherDigits(value)) {
            return HttpMessages.otherDigitsInForm(shown(value));
        }
        if (WholeNumbers.isPlain(value)) {
            return "'" + shown(value) + "' is far larger than this field takes: type a smaller whole number. Nothing was saved; go back"
                    + " to correct it.";
        }
        if (value != null && WHOLE.matcher(value).matches()) {
            return HttpMessages.notPlainNumber(shown(value), value) + " Nothing was saved; go back to correct it.";
        }
        if (value != null && DECIMAL.matcher(value).matches()) {
            // Only a field of whole numbers refuses a decimal written with a point.
            return "'" + shown(value) + "' is not a whole number: this field asks for a count. Nothing was saved; go back to correct it.";
        }
        return value != null && !value.equals(value.strip()) && NUMBER.matcher(value.strip()).matches()
                ? HttpMessages.spacesAroundNumber(shown(value)) : notANumber(value == null ? null : shown(value));
    }

    /** A form field's value that is no number as people write one ({@code null}: the value is not known). */
    public static String notANumber(String value) {
        return (value != null ? "'" + value + "' is" : "A value you typed is") + " not a number: type digits, with a point"
                + " for decimals (0.5, not 0,5), and whole numbers where the field asks for a count. Nothing was saved; go back"
                + " to correct it.";
    }

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    /** Up to nine digits, as the pages' filter takes: a longer number is no version, and "write it alone" would be refused. */
    private static final Pattern AS_SHOWN = Pattern.compile("[vV][1-9][0-9]{0,8}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d*\\.\\d+([eE][+-]?\\d+)?");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+|\\d*\\.\\d+([eE][+-]?\\d+)?)");

    /** Characters of a value quoted back; a longer one is cut, with an ellipsis. */
    static final int SHOWN_CHARACTERS = 40;

    /**
     * The whole value a failed conversion quotes in its message ("For input string: \"0,5\""), or null: from the first
     * quotation mark to the last, so that a value holding one ({@code 5"}) is read whole. The patterns that classify it
     * run in time linear in its length, however long it is.
     */
    private static String quotedValue(Throwable conversion) {
        String message = conversion.getMessage();
        int first = message == null ? -1 : message.indexOf('"');
        int last = message == null ? -1 : message.lastIndexOf('"');
        return first >= 0 && last > first ? message.substring(first + 1, last) : null;
    }

    /**
     * A value as quoted back in a sentence: its first {@link #SHOWN_CHARACTERS} characters (never half of one), then "…" if
     * there was more; when what is wrong with a long value lies past that (a letter after 41 digits), its start, "…", and
     * the stretch around the first character that is no digit, so the mistake is in view. A line break, a tab or another
     * control or invisible character is written as an escape (a line break as backslash-n, a zero-width space as
     * backslash-u200B, one past U+FFFF as backslash-u{E0041}), and so are quotation marks and the backslash, so that what
     * shows between the quotes is what was sent.
     */
    static String shown(String value) {
        int[] points = value.codePoints().toArray();
        if (points.length <= SHOWN_CHARACTERS) {
            return escaped(points, 0, points.length);
        }
        int odd = firstNonDigit(points);
        if (odd < SHOWN_CHARACTERS || odd == points.length) {
            return escaped(points, 0, SHOWN_CHARACTERS) + "…";
        }
        int head = SHOWN_CHARACTERS / 2;
        int from = Math.max(head, odd - CONTEXT);
        int to = Math.min(points.length, odd + CONTEXT + 1);
        return escaped(points, 0, head) + "…" + escaped(points, from, to) + (to < points.length ? "…" : "");
    }

    /** Characters shown on each side of the first one that is no digit, in a long value's quote. */
    private static final int CONTEXT = 9;

    /** The index of the first code point that is no ASCII digit (a sign in front allowed), or the length when none. */
    private static int firstNonDigit(int[] points) {
        for (int i = 0; i < points.length; i++) {
            boolean sign = i == 0 && (points[i] == '+' || points[i] == '-');
            if (!sign && (points[i] < '0' || points[i] > '9')) {
                return i;
            }
        }
        return points.length;
    }

    private static String escaped(int[] points, int from, int to) {
        StringBuilder shown = new StringBuilder();
        for (int i = from; i < to; i++) {
            int c = points[i];
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                case '\'', '"', '\\' -> shown.append('\\').appendCodePoint(c);
                default -> {
                    int type = Character.getType(c);
                    if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                            || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED) {
                        shown.append(c > 0xFFFF ? String.format("\\u{%X}", c) : String.format("\\u%04X", c));
                    } else {
                        shown.appendCodePoint(c);
                    }
                }
            }
        }
        return shown.toString();
    }
}
