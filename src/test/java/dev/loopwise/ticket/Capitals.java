package dev.loopwise.ticket;

import java.util.Locale;

/** Ticket text in capitals that still reads as the same words, case aside, to {@link HeldOutRows#key}. */
public final class Capitals {
    private Capitals() {
    }

    /**
     * Each letter in capitals where its capital turns back into it: "ß" stays, since "SS" lowers to "ss", another word
     * to the key.
     */
    public static String of(String text) {
        StringBuilder capitals = new StringBuilder(text.length());
        text.codePoints().forEach(letter -> {
            String one = Character.toString(letter);
            String upper = one.toUpperCase(Locale.ROOT);
            capitals.append(upper.toLowerCase(Locale.ROOT).equals(one.toLowerCase(Locale.ROOT)) ? upper : one);
        });
        return capitals.toString();
    }
}
