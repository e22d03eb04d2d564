package dev.loopwise.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "purhase 00123842", "roder 00123842", "ordr 00004587345", "reciept 00123842": customers misspell the order word (and
 * the invoice's, receipt's, reference's or tracking number's) as often as any other, and the run after it is still
 * the number it names. One slip counts (a letter missing, added, wrong, or two swapped), unless the slip makes a word
 * of its own that names no order ("my older number", "border", German "Ordner" and "oder", Dutch "onder" and
 * "ouders", "tracing", "preference"): the number after those stays a phone. A slip of the invoice, receipt, reference
 * or tracking word, and the word for "order" in another language ("orden", "ordem", "ordre"), name only a short run
 * (see {@link #MOST_DIGITS_NEVER_DIALLED}). Only before a run that starts with 00 and is no international number,
 * dialled with 00 or with another exit code ("001 44 …" from Korea, "0011 33 …" from Australia): no country's own
 * numbers start so, and a number dialled abroad still stays a phone after any of these words.
 */
final class MisspeltOrderWords {
    private static final List<String> ORDER_WORDS = List.of("order", "orders", "purchase", "purchases");
    /** Their slips name only a short run: a longer one may be a phone mistyped, and a leaked phone costs more. */
    private static final List<String> SHORT_RUN_WORDS = List.of("invoice", "invoices", "receipt", "receipts",
            "reference", "tracking");
    /**
     * Words one slip from an order word that name no order, in English, German, French, Spanish, Portuguese, Italian,
     * Dutch or the Scandinavian languages.
     */
    private static final Set<String> REAL_WORDS = Set.of("oder", "older", "odder", "border", "borders", "ordner", "ordners",
            "ordern", "ordet", "ordets", "orde", "ordes", "onder", "ouder", "ouders", "orter", "arder", "morder", "purchased",
            "purchaser", "purchasers", "invoiced", "receipted", "referenced", "trucking", "cracking", "racking", "tacking",
            "tricking", "tracing", "fracking", "wracking", "preference", "deference", "reverence");
    /**
     * "Order" in Spanish, Portuguese or French. German "oder" ("or") is no order word, though one slip from "order":
     * "erreichbar oder 00123456" joins two phones.
     */
    private static final Set<String> ORDER_ELSEWHERE = Set.of("orden", "ordem", "ordens", "ordre", "ordres");
    /** A run too short for any number dialled abroad: 00 and at most six digits (Niue's "00 683 1234" has seven). */
    private static final int MOST_DIGITS_NEVER_DIALLED = 8;
    /**
     * Exit codes other than 00 a number dialled abroad starts with: 000 (Kenya, Tanzania, Uganda), 001, 002, 005,
     * 006, 007, 008 and 009 (South Korea, Taiwan, Indonesia, Thailand…) and Australia's 0011, the longest first.
     */
    private static final List<String> EXIT_CODES = List.of("0011", "000", "001", "002", "005", "006", "007", "008",
            "009");
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
        boolean shortRun = digits.length() <= MOST_DIGITS_NEVER_DIALLED;
        boolean names = ORDER_ELSEWHERE.contains(word) ? shortRun
                : !REAL_WORDS.contains(word) && (ORDER_WORDS.stream().anyMatch(order -> oneSlipApart(word, order))
                        || shortRun && SHORT_RUN_WORDS.stream().anyMatch(order -> oneSlipApart(word, order)));
        // the word first: asking whether the run is dialled abroad is dear, and a long text holds many runs
        return names && !dialledAbroad(digits);
    }

    /** Whether {@code digits} are a country code and a number of its length after 00 or another exit code. */
    private static boolean dialledAbroad(String digits) {
        return PhoneNumbers.possibleInternational(digits.substring(2))
                || EXIT_CODES.stream().anyMatch(code -> digits.startsWith(code)
                        && PhoneNumbers.possibleInternational(digits.substring(code.length())));
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
