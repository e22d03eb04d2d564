package dev.loopwise.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A card's PIN or security code written right after its number ("gift card [CARD], PIN 4821", "[CARD] CVV 123") or
 * before it in the same sentence ("PIN 1234 for card [CARD]"): with
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
    private static final String CODE_AFTER_LABEL = "(?:[ \t\u00A0]{0,3}(?i:code|no\\.?|number|is|was|:|#|=|-|\uFF1A|\u662F|\u7801|\u53F7|\u306F)){0,3}[ \t\u00A0]{0,3}";
    /** "PIN is 1234", "PIN: 1234", "PIN=1234", "PIN是1234": a label that states its code, which may end its own sentence. */
    private static final String CODE_STATED = "(?:[ \t\u00A0]{0,3}(?i:code|no\\.?|number|#|-)){0,2}[ \t\u00A0]{0,3}"
            + "(?i:is|was|:|=|\uFF1A|\u662F|\u7801|\u53F7|\u306F)(?:[ \t\u00A0]{0,3}[:#\uFF1A])?[ \t\u00A0]{0,3}";
    private static final Pattern CODE = Pattern.compile(Pattern.quote(PiiMasker.Kind.CARD.placeholder()) + EXPIRY + BETWEEN
            + "(?i:(?:and|with|plus|&)" + SPACE + ")?(?i:(?:the|its|my|a)" + SPACE + ")?" + LABEL
            + CODE_AFTER_LABEL + "(\\d{3,8})(?![\\p{L}\\p{N}]|[.,/-]\\d)");
    /**
     * What ends a sentence: a stop, '!' or '?' before a capital ("PIN 1234 reset. Card ..."), not an abbreviation's
     * ("card no. [CARD]", "for Mrs. Smith's card", "St. Mary's"); a full-width stop; or a blank line, however the lines
     * end. The lookahead for a stop comes first, so the abbreviations are looked at only where one stands.
     */
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?=[.!?])(?<!(?<!\\p{L})(?i:mr|mrs|ms|dr|no|st|prof|mt|sr|jr))"
            + "[.!?]{1,8}(?=\\s+\\p{Lu})|[\u3002\uFF01\uFF1F]{1,8}|(\r?\n[ \t\u00A0]*\r?\n)");
    /** The most characters one sentence end takes ("?!"): a longer run of marks ends the sentence at its last eight. */
    private static final int LONGEST_STOP = 8;
    /** How many characters a sentence may run between a code and its card. */
    private static final int MOST_BETWEEN = 80;
    /**
     * A code written before its card ("PIN 1234 for card [CARD]", "my pin is 4321, card [CARD]"): three to six digits
     * right after the label, and the masked card later in the same sentence. Not after the label's words alone: there
     * a short number is as often a reference or a count ("PIN 4821 is the order", "CVV 123 failed three times"), and a
     * reviewer needs it, while with the card in the same sentence it is that card's code, which spends it.
     */
    private static final Pattern CODE_BEFORE = Pattern.compile(WordBounds.START + LABEL
            + CODE_AFTER_LABEL + "(\\d{3,6})(?![\\p{L}\\p{N}]|[.,/-]\\d)");
    /**
     * A stated code ("My PIN is 1234. My card is [CARD].", "PIN: 1234.\nCard: [CARD]") reaches one sentence further:
     * written so, the next sentence's card is the one it opens. Two sentences away, or past a blank line, it stays.
     */
    private static final Pattern STATED_CODE_BEFORE = Pattern.compile(WordBounds.START + LABEL
            + CODE_STATED + "(\\d{3,6})(?![\\p{L}\\p{N}]|[.,/-]\\d)");
    /** A card's codes one after another ("[CARD], CVV 123, PIN 4821"): each masked code stands as the card for the next. */
    private static final int MOST_CODES_IN_A_ROW = 8;

    private CardCodes() {
    }

    /** {@code text}, its cards already masked as {@code placeholder}, with the codes after and before each masked too. */
    static String mask(String text, String placeholder) {
        String out = text;
        for (int round = 0; round < MOST_CODES_IN_A_ROW && out.contains(placeholder); round++) {
            String next = maskOnce(out, CODE, placeholder);
            if (next.equals(out)) {
                break;
            }
            out = next;
        }
        return out.contains(placeholder) ? maskBefore(maskBefore(out, CODE_BEFORE, 0, placeholder), STATED_CODE_BEFORE, 1, placeholder) : out;
    }

    private static String maskOnce(String text, Pattern code, String placeholder) {
        Matcher matcher = code.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (matcher.find()) {
            out.append(text, last, matcher.start(1)).append(placeholder);
            last = matcher.end(1);
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    /**
     * {@code text} with each code {@code code} finds masked where the next masked card follows it, at most
     * {@code stops} sentence ends away. The sentences are counted here rather than in the pattern, so a long run of
     * stops and abbreviations costs no backtracking.
     */
    private static String maskBefore(String text, Pattern code, int stops, String placeholder) {
        Matcher matcher = code.matcher(text);
        Matcher sentenceBreak = SENTENCE_BREAK.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        int card = -1;
        while (matcher.find()) {
            if (card < matcher.end()) {
                card = text.indexOf(placeholder, matcher.end());
                if (card < 0) {
                    break;
                }
            }
            if (reachesCard(sentenceBreak, matcher.end(), card, stops)) {
                out.append(text, last, matcher.start(1)).append(placeholder);
                last = matcher.end(1);
            }
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    private static boolean reachesCard(Matcher sentenceBreak, int from, int card, int stops) {
        if (card - from > (stops + 1) * MOST_BETWEEN + stops * LONGEST_STOP) {
            return false;
        }
        int at = from;
        for (int stop = 0;; stop++) {
            // a sentence longer than the limit fails anyway: no need to look past it for its end
            if (!sentenceBreak.region(at, Math.min(card, at + MOST_BETWEEN + 1)).find()) {
                return card - at <= MOST_BETWEEN;
            }
            if (stop == stops || sentenceBreak.group(1) != null || sentenceBreak.start() - at > MOST_BETWEEN) {
                return false;
            }
            at = sentenceBreak.end();
        }
    }
}
