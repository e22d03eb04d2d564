package dev.loopwise.common.text;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether two replies are the same words, case and spacing aside, decided alike in Java and in PostgreSQL: a pair the
 * database keeps for review must be one a round can learn from, and the other way round.
 */
public final class SameWords {
    /**
     * A run of white space, Unicode's included (no-break and ideographic spaces come in pasted text), written so that
     * Java's and PostgreSQL's regular expressions read it alike: {@code \s} alone is ASCII in Java and the locale's in
     * PostgreSQL.
     */
    public static final String SPACE_RUN = "[\\s\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+";
    private static final Pattern SPACES = Pattern.compile(SPACE_RUN);

    private SameWords() {
    }

    public static boolean same(String one, String other) {
        return words(one).equals(words(other));
    }

    /** Spacing collapsed to one space, trimmed, lower case: as {@link #sql} computes it. */
    public static String words(String reply) {
        if (reply == null) {
            return "";
        }
        String collapsed = SPACES.matcher(reply).replaceAll(" ");
        int from = collapsed.startsWith(" ") ? 1 : 0;
        int to = collapsed.length() > from && collapsed.endsWith(" ") ? collapsed.length() - 1 : collapsed.length();
        return collapsed.substring(from, to).toLowerCase(Locale.ROOT);
    }

    /** The SQL for the words of a text {@code expression}, as {@link #words} computes them. */
    public static String sql(String expression) {
        return "lower(btrim(regexp_replace(" + expression + ", '" + SPACE_RUN + "', ' ', 'g')))";
    }
}
