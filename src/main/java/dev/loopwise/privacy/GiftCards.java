package dev.loopwise.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gift card numbers and claim codes ("gift card 2345-6789-0127", "gift card code AQ7X-9KLM2-PQR4"). Whoever reads
 * one can spend the balance, so it is masked as a card number is; it has no checksum, so only right after the words
 * that name it. Without this, a twelve-digit gift card number that happens to pass Aadhaar's check was shown to
 * reviewers as a national identity number.
 */
final class GiftCards {
    /** The card rule runs first and masks a card number inside a gift card's whole: the groups around it are the gift card's. */
    private static final String MASKED_CARD = Pattern.quote(PiiMasker.Kind.CARD.placeholder());
    /**
     * A month and year after the number ("gift card 4111 1111 1111 1111 12/25") is its expiry date, not one of its
     * groups: it stays as written, as after any other card.
     */
    private static final String NOT_EXPIRY = "(?!(?:0?[1-9]|1[0-2])[ \u00A0]?/[ \u00A0]?(?:20)?\\d{2}(?!\\d))";
    private static final Pattern NAMED = Pattern.compile(WordBounds.START + "(?i:e-?)?(?i:gift[ -]?(?:cards?|certificates?|vouchers?))"
            + WordBounds.END
            + "(?i:\\s*(?:number|no\\.?|nr\\.?|code|#|:|is|was)){0,8}\\s*"
            // digits in groups, with a card number the card rule masked among them, or upper-case letters and digits in
            // dashed blocks as claim codes are printed
            + "((?:\\d+[ \u00A0.-]{1,3}){0,6}" + MASKED_CARD + "(?:[ \u00A0.-]{1,3}" + NOT_EXPIRY + "\\d+){0,6}"
            + "|\\d{2,}(?:[ \u00A0-]" + NOT_EXPIRY + "\\d{2,}){0,9}|(?=[A-Z\\d-]*\\d)[A-Z\\d]{4,}(?:-[A-Z\\d]{3,}){1,5}|(?=[A-Z]*\\d)[A-Z\\d]{10,})"
            + "(?![\\p{L}\\p{N}]|[-.][\\p{L}\\p{N}])");
    /**
     * A date is no gift card number: "gift card 2024-03-15" or "2024 03 15" says when it was bought; a month past 12 or a
     * day past 31 makes it a number again.
     */
    private static final Pattern DATE = Pattern.compile("(?:19|20)\\d{2}([ -])(?:0?[1-9]|1[0-2])\\1(?:0?[1-9]|[12]\\d|3[01])"
            + "|(?:0?[1-9]|[12]\\d|3[01])([ -])(?:0?[1-9]|[12]\\d|3[01])\\2(?:19|20)?\\d{2}");
    /**
     * Digit groups right after the number: the number's pattern stops before a group of one digit or after a spaced dash
     * ("870 97274 - 7645"), and what follows would be shown.
     */
    private static final Pattern TAIL = Pattern.compile("(?:[ \u00A0.-]{1,3}" + NOT_EXPIRY + "\\d+){1,6}(?!\\p{L})");
    /** Fewer digits are an amount or a PIN; more, no card of any kind. */
    private static final int MIN_DIGITS = 8;
    private static final int MAX_DIGITS = 19;

    private GiftCards() {
    }

    static String mask(String text, String placeholder) {
        Matcher matcher = NAMED.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (matcher.find()) {
            if (matcher.start(1) < last) {
                continue;
            }
            String number = matcher.group(1);
            boolean digitsOnly = number.chars().allMatch(c -> Character.isDigit(c) || c == ' ' || c == '\u00A0' || c == '-');
            int digits = NumberChecks.digitCount(number);
            if (!number.contains(PiiMasker.Kind.CARD.placeholder()) && digitsOnly && (digits < MIN_DIGITS || digits > MAX_DIGITS || DATE.matcher(number).matches())) {
                continue;
            }
            out.append(text, last, matcher.start(1)).append(placeholder);
            Matcher tail = TAIL.matcher(text).region(matcher.end(1), text.length());
            last = tail.lookingAt() ? tail.end() : matcher.end(1);
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }
}
