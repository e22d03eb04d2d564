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
    private static final String SPACE = "[ \u00A0]{1,3}";
    /** An expiry date may stand between the number and its code ("[CARD] 12/25, CVV 123") and stays as written. */
    private static final String EXPIRY = "(?:[,;]?" + SPACE + "(?i:exp(?:\\.|iry|ires)?:?" + SPACE + ")?(?:0?[1-9]|1[0-2]) ?/ ?(?:20)?\\d{2})?";
    private static final String LABEL = "(?i:pin|security" + SPACE + "code|cvv2?|cvc2?|csc)";
    private static final Pattern CODE = Pattern.compile(Pattern.quote(PiiMasker.Kind.CARD.placeholder()) + EXPIRY
            + "(?:[,;]?" + SPACE + "|[ \u00A0]?[(,;])(?i:(?:and|with|plus)" + SPACE + ")?(?i:(?:the|its|my)" + SPACE + ")?" + LABEL
            + "(?:[ \u00A0]{0,3}(?i:code|no\\.?|number|is|was|:|#|=)){0,3}[ \u00A0]{0,3}(\\d{3,8})(?![\\p{L}\\p{N}]|[.,/-]\\d)");

    private CardCodes() {
    }

    /** {@code text}, its cards already masked as {@code placeholder}, with the code after each masked too. */
    static String mask(String text, String placeholder) {
        if (!text.contains(placeholder)) {
            return text;
        }
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
