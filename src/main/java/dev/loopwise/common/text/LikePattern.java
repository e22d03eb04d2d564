package dev.loopwise.common.text;

/**
 * A LIKE pattern that finds a text typed by a person as it is: a % or _ in it is a character to find, not a wildcard
 * (a search for "50%" must not match every ticket holding "50"). Use with {@code escape '!'}.
 */
public final class LikePattern {
    public static final char ESCAPE = '!';

    private LikePattern() {
    }

    /** The pattern of the texts holding {@code typed} anywhere. */
    public static String containing(String typed) {
        String escaped = typed.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
