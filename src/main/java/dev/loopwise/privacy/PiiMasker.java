package dev.loopwise.privacy;

import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in a text with typed placeholders ({@code [EMAIL]}, {@code [IBAN]}, {@code [CARD]},
 * {@code [PHONE]}, {@code [ADDRESS]}), so reviewers judge replies without seeing who the customer is.
 *
 * <p>Numbers are masked only when they are what they look like: a card number passes the Luhn check and an
 * IBAN its ISO 7064 mod-97 check, so order numbers, amounts and dates stay readable — a reviewer needs them to
 * judge whether a reply fits. A phone number is 7–15 digits written like one (a leading + or 0, or digit groups
 * split by spaces, dots, dashes or brackets); a bare run of digits is an order number, not a phone. Street
 * addresses are a house number, one to three words and a street type. Kinds are masked in the order above, so
 * an IBAN's digits are never read as a phone number.
 */
public final class PiiMasker {
    /** What can be masked, in the order it is. */
    public enum Kind {
        EMAIL, IBAN, CARD, PHONE, ADDRESS;

        public String placeholder() {
            return "[" + name() + "]";
        }

        public static Kind parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown kind of personal data '" + value
                        + "': use email, iban, card, phone or address", e);
            }
        }
    }

    /** Starts only where a run of address characters starts: otherwise a long text without '@' costs quadratic time. */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?\\b");
    private static final Pattern CARD = Pattern.compile("(?<![\\w-])(?:\\d[ -]?){12,18}\\d(?![\\w-])");
    /** Not after "FH-": an order code's digits followed by another number ("order FH-440033 2 times") are no phone. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(?<![A-Za-z]-)(?:\\+|\\()?\\d[\\d ().-]{5,20}\\d(?![\\w])");
    private static final Pattern DATE = Pattern.compile("\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}");
    /** Words that make "2 days on the road" a sentence rather than an address. */
    private static final String NOT_A_STREET_NAME = "(?!(?:the|a|an|on|in|at|of|to|for|by|my|your|our|their|this|that|and|or|"
            + "days?|hours?|weeks?|months?|years?|minutes?|times?|items?|orders?|miles?|km)\\b)";
    private static final Pattern ADDRESS_PLAIN = Pattern.compile(
            "\\b\\d{1,5}[A-Za-z]?,?\\s+(?:" + NOT_A_STREET_NAME + "[A-Za-z][A-Za-z'-]*\\s+){1,3}"
                    + "(?:street|avenue|road|boulevard|lane|drive|parkway|highway)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDRESS_ABBREVIATED = Pattern.compile(
            "\\b\\d{1,5}[A-Za-z]?,?\\s+(?:[A-Z][A-Za-z'-]*\\.?\\s+){1,3}"
                    + "(?:St|Ave|Rd|Ln|Blvd|Dr|Ct|Pl|Way|Terrace|Close|Crescent|Square|Court|Place|Pkwy|Hwy)\\b\\.?");

    private final EnumSet<Kind> kinds;

    public PiiMasker(Set<Kind> kinds) {
        this.kinds = kinds.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(kinds);
    }

    public static PiiMasker all() {
        return new PiiMasker(EnumSet.allOf(Kind.class));
    }

    public Set<Kind> kinds() {
        return EnumSet.copyOf((EnumSet<Kind>) kinds);
    }

    /** The text with every enabled kind replaced by its placeholder; null stays null. */
    public String mask(String text) {
        if (text == null || text.isEmpty() || kinds.isEmpty()) {
            return text;
        }
        // Every kind needs an '@' or a digit: most texts (library replies above all) have neither and skip the scans.
        boolean at = text.indexOf('@') >= 0;
        boolean digit = hasDigit(text);
        if (!at && !digit) {
            return text;
        }
        String out = text;
        if (at && kinds.contains(Kind.EMAIL)) {
            out = replace(out, EMAIL, Kind.EMAIL, match -> true);
        }
        if (kinds.contains(Kind.IBAN)) {
            out = replace(out, IBAN, Kind.IBAN, PiiMasker::validIban);
        }
        if (kinds.contains(Kind.CARD)) {
            out = replace(out, CARD, Kind.CARD, PiiMasker::validCard);
        }
        if (kinds.contains(Kind.PHONE)) {
            out = replace(out, PHONE, Kind.PHONE, PiiMasker::looksLikePhone);
        }
        if (kinds.contains(Kind.ADDRESS)) {
            out = replace(out, ADDRESS_PLAIN, Kind.ADDRESS, match -> true);
            out = replace(out, ADDRESS_ABBREVIATED, Kind.ADDRESS, match -> true);
        }
        return out;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String replace(String text, Pattern pattern, Kind kind, Predicate<String> accept) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (matcher.find()) {
            String match = matcher.group();
            String trimmed = match.strip();
            if (!accept.test(trimmed)) {
                continue;
            }
            int start = matcher.start() + match.indexOf(trimmed);
            out.append(text, last, start).append(kind.placeholder());
            last = start + trimmed.length();
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    static boolean validCard(String candidate) {
        String digits = candidate.replaceAll("[ -]", "");
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** ISO 13616: move the first four characters to the end, letters to 10–35, and the number mod 97 is 1. */
    static boolean validIban(String candidate) {
        String iban = candidate.replace(" ", "").toUpperCase(Locale.ROOT);
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : moved.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static boolean looksLikePhone(String candidate) {
        String digits = candidate.replaceAll("\\D", "");
        if (digits.length() < 7 || digits.length() > 15 || DATE.matcher(candidate).matches()) {
            return false;
        }
        boolean prefixed = candidate.startsWith("+") || candidate.startsWith("(") || candidate.startsWith("0");
        boolean grouped = candidate.chars().anyMatch(c -> c == ' ' || c == '-' || c == '.' || c == '(' || c == ')');
        return prefixed || grouped;
    }
}
