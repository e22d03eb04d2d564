package dev.loopwise.privacy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "purhase 00123842", "roder 00123842", "oder 00004587345": customers misspell the order word as often as any other,
 * and the run after it is still the order's number. One slip counts (a letter missing, added, wrong, or two swapped);
 * only before a run that starts with 00 and is no international number, which no country's own numbers do, so "oder"
 * (German "or") before a German number still leaves it a phone.
 */
final class MisspeltOrderWords {
    private static final List<String> ORDER_WORDS = List.of("order", "orders", "purchase", "purchases");
    /** The word right before the run, with the labels an order word may carry ("purhase number 00123842"). */
    private static final Pattern WORD_BEFORE = Pattern.compile("(?<!\\p{L})(\\p{L}{4,10})(?:[ \\t]*#|[ \\t]+(?:number|no\\.|nr\\.)"
            + "[ \\t]*[,:#]?)?[ \\t]*$", Pattern.UNICODE_CASE);

    private MisspeltOrderWords() {
    }

    /** Whether {@code before} ends with a misspelt order word that names the run {@code digits} after it. */
    static boolean nameRun(String before, String digits) {
        if (!digits.startsWith("00")) {
            return false;
        }
        Matcher matcher = WORD_BEFORE.matcher(before);
        if (!matcher.find()) {
            return false;
        }
        String word = matcher.group(1).toLowerCase(Locale.ROOT);
        return ORDER_WORDS.stream().anyMatch(order -> oneSlipApart(word, order));
    }

    /** Damerau's distance of exactly one: one letter dropped, added or changed, or two neighbours swapped. */
    static boolean oneSlipApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int prefix = 0;
        while (prefix < Math.min(a.length(), b.length()) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        String restA = a.substring(prefix);
        String restB = b.substring(prefix);
        if (a.length() == b.length()) {
            return restA.substring(1).equals(restB.substring(1))
                    || restA.length() >= 2 && restA.charAt(0) == restB.charAt(1) && restA.charAt(1) == restB.charAt(0)
                            && restA.substring(2).equals(restB.substring(2));
        }
        return a.length() > b.length() ? restA.substring(1).equals(restB) : restB.substring(1).equals(restA);
    }
}
