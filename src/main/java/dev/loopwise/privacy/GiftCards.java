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
    private static final Pattern NAMED = Pattern.compile("\\b(?i:e-?)?(?i:gift[ -]?(?:cards?|certificates?|vouchers?))\\b"
            + "(?i:\\s*(?:number|no\\.?|nr\\.?|code|#|:|is|was)){0,4}\\s*"
            // digits in groups, or upper-case letters and digits in dashed blocks as claim codes are printed
            + "(\\d{2,}(?:[ \u00A0-]\\d{2,}){0,9}|(?=[A-Z\\d-]*\\d)[A-Z\\d]{4,}(?:-[A-Z\\d]{3,}){1,5}|(?=[A-Z]*\\d)[A-Z\\d]{10,})"
            + "(?![\\p{L}\\p{N}]|[-.][\\p{L}\\p{N}])");
    /** A date is no gift card number: "gift card 2024-03-15" or "2024 03 15" says when it was bought. */
    private static final Pattern DATE = Pattern.compile("(?:19|20)\\d{2}([ -])\\d{1,2}\\1\\d{1,2}|\\d{1,2}([ -])\\d{1,2}\\2(?:19|20)?\\d{2}");
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
            String number = matcher.group(1);
            boolean digitsOnly = number.chars().allMatch(c -> Character.isDigit(c) || c == ' ' || c == '\u00A0' || c == '-');
            int digits = PiiMasker.digitCount(number);
            if (digitsOnly && (digits < MIN_DIGITS || digits > MAX_DIGITS || DATE.matcher(number).matches())) {
                continue;
            }
            out.append(text, last, matcher.start(1)).append(placeholder);
            last = matcher.end(1);
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }
}
