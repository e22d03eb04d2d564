package dev.loopwise.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A card's PIN or security code written right after its number ("gift card [CARD], PIN 4821", "[CARD] CVV 123"): with
 * the number hidden it is still the half that lets someone spend the card, so it is masked as the card is. Only next to
 * a masked card: on its own a short number after "PIN" is a reference ("PIN reset for order 4821"), and the label word
 * stays, so a reviewer still sees that a PIN was given.
 */
final class CardCodes {
    private static final String SPACE = "[ \t\u00A0]{1,3}";
    /**
     * What customers put between the number, its expiry date and its codes: spaces, a line break ("Card: [CARD]\nCVV:
     * 123"), a comma, period, dash (an en or em dash too), slash, bar, bracket or quotation mark, and the full-width comma,
     * colon and semicolon of Chinese and Japanese text; bounded, so a long run of them costs no backtracking.
     */
    private static final String BETWEEN = "[\\s\u00A0,;:.()\\[\\]|\"'/\u2013\u2014\u201C\u201D\uFF0C\uFF1A\uFF1B\u3001-]{1,8}";
    private static final String MONTH_AND_YEAR = "(?:0?[1-9]|1[0-2]) ?[/-] ?(?:20)?\\d{2}(?!\\d)";
    /** An expiry date may stand between the number and its code ("[CARD] (exp 12/25, CVV 123)") and stays as written. */
    private static final String EXPIRY = "(?:" + BETWEEN + "(?i:(?:exp(?:\\.|iry|ires|iring|iration)?|valid" + SPACE
            + "(?:thru|through|until|till)|good" + SPACE + "thru)(?:" + SPACE + "date)?[ \t\u00A0]{0,3}:?[ \t\u00A0]{0,3})?"
            + MONTH_AND_YEAR + ")?";
    private static final String LABEL = "(?i:pin|security" + SPACE + "code|cvv2?|cvc2?|csc)";
    private static final Pattern CODE = Pattern.compile(Pattern.quote(PiiMasker.Kind.CARD.placeholder()) + EXPIRY + BETWEEN
            + "(?i:(?:and|with|plus|&)" + SPACE + ")?(?i:(?:the|its|my|a)" + SPACE + ")?" + LABEL
            + "(?:[ \t\u00A0]{0,3}(?i:code|no\\.?|number|is|was|:|#|=|-|\uFF1A)){0,3}[ \t\u00A0]{0,3}(\\d{3,8})(?![\\p{L}\\p{N}]|[.,/-]\\d)");
    /** A card's codes one after another ("[CARD], CVV 123, PIN 4821"): each masked code stands as the card for the next. */
    private static final int MOST_CODES_IN_A_ROW = 8;

    private CardCodes() {
    }

    /** {@code text}, its cards already masked as {@code placeholder}, with the codes after each masked too. */
    static String mask(String text, String placeholder) {
        String out = text;
        for (int round = 0; round < MOST_CODES_IN_A_ROW && out.contains(placeholder); round++) {
            String next = maskOnce(out, placeholder);
            if (next.equals(out)) {
                break;
            }
            out = next;
        }
        return out;
    }

    private static String maskOnce(String text, String placeholder) {
        Matcher matcher = CODE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (matcher.find()) {
            out.append(text, last, matcher.start(1)).append(placeholder);
            last = matcher.end(1);
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }
}
