package dev.loopwise.privacy;

import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks numbers written as groups: an IBAN, a card or a phone number may be split by spaces, dashes or dots
 * however its owner likes, and may be followed straight away by more digits or words. From every place such a
 * number can start, the groups are read one by one and the longest run of whole groups that passes the kind's
 * check is masked; what follows it (an amount, a year, "ext") stays as written.
 */
final class NumberRuns {
    /** Whether the text from begin to end is a number of the kind; the text around it may tell. */
    @FunctionalInterface
    interface Check {
        boolean accepts(String text, int begin, int end);

        static Check of(Predicate<String> candidate) {
            return (text, begin, end) -> candidate.test(text.substring(begin, end));
        }
    }

    private final Pattern start;
    private final IntPredicate groupChar;
    private final String separators;
    private final int maxSeparator;
    private final int maxChars;
    private final int minGroupChars;
    private final int maxGroupChars;
    private final Check accept;
    private final Predicate<String> mayBeCut;

    /**
     * @param start where a number may begin (its match is the number's first characters)
     * @param groupChar what a group is made of
     * @param separators what may stand between two groups, at most {@code maxSeparator} of them in a row
     * @param maxChars the longest such number, separators included: bounds the work a long text costs
     * @param minGroupChars the fewest characters of its groups such a number has
     * @param maxGroupChars the most: a run of groups outside these bounds is not checked, which keeps a long text of
     *     digits split by spaces from costing a check for every run from every digit
     * @param mayBeCut whether a number may be taken from the start of a longer run of groups (a checksum makes
     *     that safe; without one a part of an order number would be taken for a phone)
     */
    NumberRuns(Pattern start, IntPredicate groupChar, String separators, int maxSeparator, int maxChars,
            int minGroupChars, int maxGroupChars, Check accept, Predicate<String> mayBeCut) {
        this.start = start;
        this.groupChar = groupChar;
        this.separators = separators;
        this.maxSeparator = maxSeparator;
        this.maxChars = maxChars;
        this.minGroupChars = minGroupChars;
        this.maxGroupChars = maxGroupChars;
        this.accept = accept;
        this.mayBeCut = mayBeCut;
    }

    String mask(String text, String placeholder) {
        return replace(text, number -> placeholder);
    }

    /** Each number of the kind in {@code text}, replaced by what {@code replacement} makes of it. */
    String replace(String text, UnaryOperator<String> replacement) {
        Matcher matcher = start.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            int begin = matcher.start();
            int end = longestAccepted(text, begin, matcher.end());
            if (end < 0) {
                from = begin + 1;
                continue;
            }
            out.append(text, last, begin).append(replacement.apply(text.substring(begin, end)));
            last = end;
            from = end;
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    /** The first number of the kind in {@code text}, or null. */
    String first(String text) {
        Matcher matcher = start.matcher(text);
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            int end = longestAccepted(text, matcher.start(), matcher.end());
            if (end >= 0) {
                return text.substring(matcher.start(), end);
            }
            from = matcher.start() + 1;
        }
        return null;
    }

    /** The end of the longest run of whole groups from {@code begin} that the check accepts, or -1. */
    private int longestAccepted(String text, int begin, int afterStart) {
        int limit = Math.min(text.length(), begin + maxChars);
        int[] ends = new int[maxChars];
        int[] groupChars = new int[maxChars];
        int count = 0;
        boolean wholeRun = false;
        int chars = 0;
        for (int c = begin; c < afterStart; c++) {
            chars += groupChar.test(text.charAt(c)) ? 1 : 0;
        }
        int i = afterStart;
        while (true) {
            int groupStart = i;
            while (i < limit && groupChar.test(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && groupChar.test(text.charAt(i))) {
                break; // the group goes on past the longest number: no shorter part of it is the number
            }
            chars += i - groupStart;
            groupChars[count] = chars;
            ends[count++] = i;
            int next = i;
            while (next < text.length() && next - i < maxSeparator && separators.indexOf(text.charAt(next)) >= 0) {
                next++;
            }
            if (next == i || next == text.length() || !groupChar.test(text.charAt(next))) {
                wholeRun = true;
                break;
            }
            if (next >= limit) {
                break;
            }
            i = next;
        }
        for (int k = count - 1; k >= 0; k--) {
            if (groupChars[k] > maxGroupChars || groupChars[k] < minGroupChars) {
                continue;
            }
            boolean cut = k < count - 1 || !wholeRun;
            if ((!cut || mayBeCut.test(text.substring(begin, ends[k]))) && accept.accepts(text, begin, ends[k])) {
                return ends[k];
            }
        }
        return -1;
    }
}
