package dev.loopwise.privacy;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * National identity numbers as customers quote them: a US Social Security number ({@code 123-45-6789}), a UK
 * National Insurance number ({@code QQ 12 34 56 C}), an Indian Aadhaar number ({@code 2345 6789 0127}), a Brazilian
 * CPF ({@code 529.982.247-25}) and a Spanish DNI or NIE ({@code 12345678Z}, {@code X1234567L}). Where the number
 * carries a check (Aadhaar's Verhoeff digit, CPF's two mod-11 digits, DNI's letter) it must hold, so an order or part
 * number of the same shape stays; a number after a reference word ("order", "tracking", "SKU") is that reference.
 */
final class NationalIds {
    /**
     * Not part of a word, a code ("SKU-12345678Z"), a date ("15.03.2024 0151 2345") or a longer run of groups. A
     * Chinese, Japanese, Thai or Arabic letter right before or after is no part of the number ("我的SSN是123-45-6789",
     * see {@link WordBounds}).
     */
    private static final String NOT_AFTER_WORD = "(?<!" + WordBounds.WORD + ")(?<!" + WordBounds.WORD + "[-/#.])(?<!\\d[ \u00A0])";
    private static final String NOT_BEFORE_WORD = "(?!" + WordBounds.WORD + "|[-/.][\\p{L}\\p{N}]|[ \u00A0]\\d{2})";
    /**
     * An identity word right before the number: "ID" names a reference elsewhere, but not here, unless a reference
     * word names it in turn ("Order ID", "Customer ID").
     */
    private static final Pattern IDENTITY_WORD_BEFORE = Pattern.compile(WordBounds.START + "(?:id|identity|identification|national|personal)"
            + WordBounds.END
            + "(?:\\s*(?:no\\.?|nr\\.?|number|card|#|:|is))*\\s*$", Pattern.CASE_INSENSITIVE);
    private static final int LOOK_BACK = 40;
    /**
     * What stands between a document's name and its number as helpdesk tickets write it: spaces, a colon, '#', a dash or
     * a dot ("DNI-12345678Z", "cpf#529…"), a number's abbreviation ("nº", "n.º", "no.", "nr", "núm."), a verb ("CPF é",
     * "NIE es", "CPF是") or a second short name after a slash ("CPF/MF"), in any order and up to three of them. The
     * number itself must follow, so a name used as an ordinary word ("ni", "nie") costs one failed match. French
     * typography puts a no-break space before the colon ("NI\u00A0: …"), and "nº" may touch the number ("Nº12345678").
     */
    private static final String SEPARATORS = "[\\s\u00A0\u202F:\uFF1A#=/.\\-]{0,3}";
    private static final String BETWEEN_NAME_AND_NUMBER = "(?:" + SEPARATORS + "(?:(?iu:n\\.?[\u00BA\u00B0]|(?:no|nr|n[u\u00FA]m|"
            + "n[u\u00FA]mero|number|card|is|es|\u00E9)" + WordBounds.END + ")|/[A-Za-z]{2,3}" + WordBounds.END + "|\u662F)){0,3}"
            + SEPARATORS;

    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final String DNI_DIGITS = "(?:\\d{7,8}|\\d{1,2}\\.\\d{3}\\.\\d{3})";
    private static final String DNI_NUMBER = "[XYZ]?-?" + DNI_DIGITS;

    /**
     * Tried first, as they turn away nearly every position of a text before the look-behinds, which the script ranges
     * make dearer, are evaluated: no Latin letter or digit right before (implied by {@link #NOT_AFTER_WORD}), and a
     * digit within the first four characters, as every form has ("QQ 12…", "X-123…").
     */
    private static final String DIGIT_SOON = "(?<![A-Za-z0-9])(?=[A-Za-z]{0,2}[ -]?\\d)";

    /**
     * {@code named}: the pattern starts at the document's name and the number is its group {@code id}. A name spelt with
     * dots ("D.N.I.", "n.i.") is the same name. {@code nameSuffices}: the number after the name has a check or letters
     * no reference or phone has, so no word before the name can make it something else.
     */
    private record Format(Pattern pattern, boolean named, boolean nameSuffices, Predicate<String> check) {
        Format(String regex, Predicate<String> check) {
            this(Pattern.compile(DIGIT_SOON + NOT_AFTER_WORD + "(?:" + regex + ")" + NOT_BEFORE_WORD), false, false, check);
        }

        /**
         * Right after one of {@code names}, read from the name on rather than looked back for from each digit: only a
         * text's words are tried, and the name may be followed by anything {@link #BETWEEN_NAME_AND_NUMBER} allows. A
         * form that could be anything else on its own (lower case "ab 12 34 56 c", an unseparated CPF, "12345678 Z")
         * counts only here; the name starts a word in any script, or right after Chinese or Japanese text.
         */
        static Format named(String names, String number, Predicate<String> check) {
            return new Format(namedPattern(names, number), true, true, check);
        }

        /** As {@link #named}, for bare digits with no check: a reference, amount or phone word may still name them. */
        static Format namedUnchecked(String names, String number) {
            return new Format(namedPattern(names, number), true, false, digits -> true);
        }

        private static Pattern namedPattern(String names, String number) {
            // the name's letters first: they turn away nearly every position before the dearer word bound is tried
            return Pattern.compile("(?=" + names + ")" + WordBounds.START + "(?:" + names + ")" + WordBounds.END + BETWEEN_NAME_AND_NUMBER
                    + "(?<![A-Za-z0-9])(?<id>" + number + ")" + NOT_BEFORE_WORD);
        }

        int start(Matcher matcher) {
            return named ? matcher.start("id") : matcher.start();
        }

        int end(Matcher matcher) {
            return named ? matcher.end("id") : matcher.end();
        }
    }

    private static final List<Format> FORMATS = List.of(
        // SSN: no area 000, 666 or 9xx, no group 00, no serial 0000; written with its dashes or spaces
        new Format("(?!000|666|9)\\d{3}([- ])(?!00)\\d{2}\\1(?!0000)\\d{4}", number -> true),
        // National Insurance: two letters but the pairs never issued, six digits, a suffix A to D
        new Format("(?!BG|GB|KN|NK|NT|TN|ZZ)[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]", number -> true),
        Format.named("(?i:n\\.?i|nino|insurance)", "(?i:(?!BG|GB|KN|NK|NT|TN|ZZ)[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D])", number -> true),
        new Format("[2-9]\\d{3}([ -])\\d{4}\\1\\d{4}", number -> verhoeff(digits(number))),
        Format.named("(?i:aadhaa?r|uid|uidai)", "[2-9]\\d{11}", number -> verhoeff(digits(number))),
        new Format("\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}", number -> validCpf(digits(number))),
        // unseparated, or with a space before the letter, only where the document's name says what the number is
        Format.named("(?i:c\\.?p\\.?f)", "\\d{3}(?:[. ]?\\d{3}){2}[-. ]?\\d{2}", number -> validCpf(digits(number))),
        new Format("[XYZ]?-?\\d{7,8}-?[A-Z]", NationalIds::validDni),
        Format.named("(?i:d\\.?n\\.?i|n\\.i\\.?[ef]|ni\\.?f)|NI\\.?E", "(?i:" + DNI_NUMBER + "[- ]?[A-Z])", NationalIds::validDni),
        // Polish "nie" (no) before an order number and a one-letter word ("Nie. 12345666 w drodze"): after "nie" not in
        // capitals a number of digits alone must have its letter without a space; a NIE's X, Y or Z says what it is
        Format.named("(?!NI\\.?E)(?i:ni\\.?e)", "(?i:[XYZ]-?" + DNI_DIGITS + "[- ]?[A-Z]|-?" + DNI_DIGITS + "-?[A-Z])",
                NationalIds::validDni),
        // "N.I. 12345678" or "DNI 12345678", a Portuguese or Spanish identity number without its check letter: after
        // "DNI" in any case or spelling, after "N.I." with dots in one case and no part of a longer abbreviation
        // ("U.N.I."), or after "NI" in capitals with a label ("NI nº", "NI:"), as Spanish "ni" (nor) is an ordinary word
        // and a bare "NI" may be Northern Ireland or shouted "ni"
        Format.namedUnchecked("(?i:d\\.?n\\.?i)|N\\.I(?<!\\p{L}\\.N\\.I)|n\\.i(?<!\\p{L}\\.n\\.i)"
                + "|NI(?=[ \\t\u00A0\u202F]*(?:[Nn]\\.?[\u00BA\u00B0]|[:\uFF1A]))", "\\d{8}"));

    private NationalIds() {
    }

    static String mask(String text, String placeholder) {
        String out = text;
        for (Format format : FORMATS) {
            Matcher matcher = format.pattern().matcher(out);
            StringBuilder masked = new StringBuilder(out.length());
            int last = 0;
            while (matcher.find()) {
                int start = format.start(matcher);
                int end = format.end(matcher);
                // after the document's name a checked number is that document's, whatever word came before the name;
                // bare digits are weighed by the words before the name ("call N.I. 61234567", "invoice N.I. …")
                if (format.check().test(out.substring(start, end))
                        && (format.nameSuffices() || !namedOtherwise(out, matcher.start(), start, end))) {
                    masked.append(out, last, start).append(placeholder);
                    last = end;
                }
            }
            out = last == 0 ? out : masked.append(out, last, out.length()).toString();
        }
        return out;
    }

    /**
     * A reference word names the number, or a phone word announces it ("call 212-55-1234"), and no identity word
     * right before it says otherwise; the words are looked for before {@code from}, the number or the document's name
     * in front of it. A phone word counts only for a form of digits alone: no phone has a DNI's or a
     * National Insurance number's letters, so "my number is X1234567L" is the identity number the phone rule cannot mask.
     */
    private static boolean namedOtherwise(String text, int from, int begin, int end) {
        boolean digitsOnly = text.substring(begin, end).chars().noneMatch(Character::isLetter);
        boolean otherwise = PhoneContext.namesReference(text, from, end)
                || digitsOnly && PhoneContext.announcesPhone(text, from);
        return otherwise && !identityWordBefore(text, from);
    }

    private static boolean identityWordBefore(String text, int begin) {
        int from = Math.max(0, begin - LOOK_BACK);
        Matcher word = IDENTITY_WORD_BEFORE.matcher(text).region(from, begin);
        return word.find() && !PhoneContext.namesReference(text, word.start(), word.start());
    }

    /** The DNI's letter is its eight digits mod 23; a NIE reads its X, Y or Z as 0, 1 or 2 in front of seven. */
    static boolean validDni(String number) {
        String compact = number.replaceAll("[-. ]", "").toUpperCase(Locale.ROOT);
        char first = compact.charAt(0);
        boolean nie = first == 'X' || first == 'Y' || first == 'Z';
        String body = nie ? "XYZ".indexOf(first) + compact.substring(1, compact.length() - 1)
                : compact.substring(0, compact.length() - 1);
        if (body.length() != 8) {
            return false;
        }
        return DNI_LETTERS.charAt(Integer.parseInt(body) % 23) == compact.charAt(compact.length() - 1);
    }

    /** Two mod-11 check digits; a run of one digit repeated passes them but is no CPF. */
    static boolean validCpf(String digits) {
        if (digits.chars().distinct().count() == 1) {
            return false;
        }
        for (int checked = 9; checked <= 10; checked++) {
            int sum = 0;
            for (int i = 0; i < checked; i++) {
                sum += (digits.charAt(i) - '0') * (checked + 1 - i);
            }
            if ((sum * 10 % 11) % 10 != digits.charAt(checked) - '0') {
                return false;
            }
        }
        return true;
    }

    private static final int[][] VERHOEFF_D = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] VERHOEFF_P = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 8, 7, 0, 6}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};

    /** Aadhaar's last digit is a Verhoeff check, which catches every single-digit slip and swap of neighbours. */
    static boolean verhoeff(String digits) {
        int check = 0;
        for (int i = 0; i < digits.length(); i++) {
            check = VERHOEFF_D[check][VERHOEFF_P[i % 8][digits.charAt(digits.length() - 1 - i) - '0']];
        }
        return check == 0;
    }

    private static String digits(String number) {
        return number.replaceAll("\\D", "");
    }
}
