package dev.loopwise.privacy;

/**
 * Where a word starts and ends, in any script. Since Java 19 {@code \b} counts only ASCII letters as a word's, so a
 * rule such as "not the word 'my'" would read "Myśliwiecka" as "my" and leave a Polish street unmasked; a letter or
 * digit of any alphabet before or after is what keeps a word whole.
 */
final class WordBounds {
    /**
     * Letters and digits that make a word longer. Scripts written without spaces (the main blocks of Chinese, Japanese and
     * Thai) and Arabic, where a number or a Latin word often follows a letter directly ("我的地址是123 Main Street"), are
     * left out: there a letter before an address or a card's name is no part of it, and the rule must still start. Ranges,
     * not script names, as they are tested at nearly every position of a text.
     */
    static final String WORD = "[\\p{L}\\p{N}&&[^\\u0600-\\u06FF\\u0E00-\\u0E7F\\u3040-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF]]";
    static final String START = "(?<!" + WORD + ")(?=[\\p{L}\\p{N}])";
    static final String END = "(?!" + WORD + ")";

    private WordBounds() {
    }
}
