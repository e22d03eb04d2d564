package dev.loopwise.common.text;

import java.util.Locale;

/** Counts in sentences: "1 ticket", "3 tickets", "no tickets". */
public final class Counts {
    private Counts() {
    }

    /** {@code n} with the noun in the right number; nouns with an irregular plural pass it as "reply|replies". */
    public static String of(long n, String noun) {
        String[] forms = noun.split("\\|", 2);
        String singular = forms[0];
        String plural = forms.length == 2 ? forms[1] : singular + "s";
        return (n == 0 ? "no" : number(n)) + " " + (n == 1 ? singular : plural);
    }

    /** A figure in a sentence, grouped as the counts are: "15,000". */
    public static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "was" or "were" for {@code n} things. */
    public static String was(long n) {
        return n == 1 ? "was" : "were";
    }
}
