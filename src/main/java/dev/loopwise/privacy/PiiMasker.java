package dev.loopwise.privacy;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in a text with typed placeholders ({@code [EMAIL]}, {@code [IBAN]}, {@code [CARD]},
 * {@code [IP]}, {@code [ID]}, {@code [PHONE]}, {@code [ADDRESS]}), so reviewers judge replies without seeing who the
 * customer is.
 *
 * <p>Numbers are masked only when they are what they look like: a card number passes the Luhn check and has the
 * length and prefix of a card network (see {@link CardNetworks}) or follows the words "gift card" (see
 * {@link GiftCards}), with the PIN or security code written after it (see {@link CardCodes}), an IBAN its country's length and its ISO 7064
 * mod-97 check, so order numbers, amounts and dates stay readable — a reviewer needs them to judge whether a reply
 * fits. These numbers are found however they are grouped (spaces, dashes, dots; an IBAN in lower case) and even when
 * more digits or words follow (see {@link NumberRuns}). A phone number is written like one and not named as
 * something else (see {@link PhoneNumbers}); a bare run of digits is an order number, not a phone. Street
 * addresses are a house number and a street name with its type, in the orders countries write them (see
 * {@link StreetAddresses}), with the postcode and town that follow; an IP address only when it is on the internet
 * (see {@link IpAddresses}); a national identity number in its country's form and with its check (see
 * {@link NationalIds}). Kinds are masked in {@link Kind}'s order, so an IBAN's or an identity number's digits are
 * never read as a phone number.
 */
public final class PiiMasker {
    /** What can be masked, in the order it is. */
    public enum Kind {
        EMAIL, IBAN, CARD, IP, ID, PHONE, ADDRESS;

        public String placeholder() {
            return "[" + name() + "]";
        }

        public static Kind parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown kind of personal data '" + value
                        + "': use email, iban, card, ip, id, phone or address", e);
            }
        }
    }

    /**
     * Starts only where a run of address characters starts: otherwise a long text without '@' costs quadratic time.
     * Letters of any script ("j\u00F6rg.m\u00FCller@example.de") and an apostrophe inside the name ("sean.o'brien@...")
     * belong to the address, so no part of the name is left in front of the placeholder.
     */
    private static final String EMAIL_CHAR = "[\\p{L}\\p{N}._%+-]";
    private static final Pattern EMAIL = Pattern.compile("(?<!" + EMAIL_CHAR + ")(?<![\\p{L}\\p{N}]')"
            + EMAIL_CHAR + "++(?:'" + EMAIL_CHAR + "++)*+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
    private static final String GROUP_SEPARATORS = " \u00A0-.";
    private static final NumberRuns IBAN = new NumberRuns(
            Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2}[ -]?\\d{2}"), Character::isLetterOrDigit,
            GROUP_SEPARATORS, 3, 70, 15, 34, NumberRuns.Check.of(NumberChecks::validIban), cut -> true);
    /** Not after a '+': that is a phone number's country code. */
    private static final NumberRuns CARD = new NumberRuns(
            Pattern.compile("(?<![\\w+])\\d"), Character::isDigit, GROUP_SEPARATORS, 3, 60, 13, 19,
            NumberChecks::validCard, cut -> true);
    /**
     * Not after "FH-": an order code's digits followed by another number ("order FH-440033 2 times") are no phone;
     * not inside a run of digit groups either, nor after a short group and a slash ("12/03/2024", "2024/0012345"),
     * though right after a whole date a phone may start. A slash parts two numbers ("0612345678/0698765432") and
     * joins groups only straight after an area code with its trunk 0 ("030/1234567", "0171 / 7654321") or after a country code
     * ("+49 171 / 7654321"). Only a number that starts like
     * a phone (+, a bracket or 0) may be followed by more digits ("+44 20 7946 0958 2024"): a bare run's first groups
     * are the start of a longer number.
     */
    private static final String DATE_BEFORE = "(?<![\\d/.-])(?:\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})|\\d{4}-\\d{1,2}-\\d{1,2})";
    private static final NumberRuns PHONE = new NumberRuns(
            Pattern.compile("(?<![\\w+])(?<![A-Za-z]-)(?<!(?<!\\d[ .\\-\u00A0]?)\\d{1,4}/)"
                    + "(?:(?<!\\d[ ().\\-\u00A0]{1,3})|(?<=" + DATE_BEFORE + "[ \u00A0]{1,3}))"
                    + "(?:\\(?0\\d{1,5}\\)? ?/ ?(?=\\d)|\\+\\d{1,3} (?:\\(0\\))?\\d{1,5} ?/ ?(?=\\d)|(?:\\+|\\()?\\d)"), Character::isDigit,
            " ().-\u00A0", 3, 40, 7, 15, PhoneNumbers::accepts, PhoneNumbers::startsLikePhone);
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
            out = replace(out, EMAIL, Kind.EMAIL);
        }
        if (kinds.contains(Kind.IBAN)) {
            out = IBAN.mask(out, Kind.IBAN.placeholder());
        }
        if (kinds.contains(Kind.CARD)) {
            // cards first: a card number after "gift card" is then masked whole however it is grouped, not its first groups
            String cards = GiftCards.mask(CARD.mask(out, Kind.CARD.placeholder()), Kind.CARD.placeholder());
            out = CardCodes.mask(cards, Kind.CARD.placeholder());
        }
        if (kinds.contains(Kind.IP)) {
            out = IpAddresses.mask(out, Kind.IP.placeholder());
        }
        if (kinds.contains(Kind.ID)) {
            out = NationalIds.mask(out, Kind.ID.placeholder());
        }
        if (kinds.contains(Kind.PHONE)) {
            out = PHONE.mask(out, Kind.PHONE.placeholder());
        }
        if (kinds.contains(Kind.ADDRESS)) {
            for (Pattern address : StreetAddresses.PATTERNS) {
                out = replace(out, address, Kind.ADDRESS);
            }
            out = StreetAddresses.withPostcodeAndTown(out, Kind.ADDRESS.placeholder());
            out = PolishPostcodes.mask(out, Kind.ADDRESS.placeholder());
        }
        return out;
    }

    /**
     * The first phone number in {@code text} as written, or null: the same rule that masks phone numbers for
     * reviewers, so a date or an order number is never taken for one.
     */
    public static String firstPhoneNumber(String text) {
        return text == null || !hasDigit(text) ? null : PHONE.first(text);
    }

    /** {@code text} with each phone number, by the masking rule, replaced by {@code replacement}. */
    public static String replacePhoneNumbers(String text, String replacement) {
        return text == null || !hasDigit(text) ? text : PHONE.replace(text, number -> replacement);
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String replace(String text, Pattern pattern, Kind kind) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (matcher.find()) {
            String match = matcher.group();
            String trimmed = match.strip();
            int start = matcher.start() + match.indexOf(trimmed);
            out.append(text, last, start).append(kind.placeholder());
            last = start + trimmed.length();
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    /** A phone number standing on its own, with no words around it. */
    static boolean looksLikePhone(String candidate) {
        return PhoneNumbers.accepts(candidate, 0, candidate.length());
    }
}
