package dev.loopwise.privacy;

/**
 * Where a word starts and ends, in any script. Since Java 19 {@code \b} counts only ASCII letters as a word's, so a
 * rule such as "not the word 'my'" would read "Myśliwiecka" as "my" and leave a Polish street unmasked; a letter or
 * digit of any alphabet before or after is what keeps a word whole.
 */
final class WordBounds {
    static final String START = "(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])";
    static final String END = "(?![\\p{L}\\p{N}])";

    private WordBounds() {
    }
}
