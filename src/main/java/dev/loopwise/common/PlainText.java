package dev.loopwise.common;

/**
 * Rules for short text a person types once and others read everywhere (names, titles, descriptions), and for
 * telling text that shows nothing from text that says something.
 */
public final class PlainText {
    private PlainText() {
    }

    /**
     * No control character (terminal escapes and line breaks among them), no mark that reverses the writing direction
     * (U+202A–U+202E, U+2066–U+2069: it would show another text than the one stored) and no invisible format
     * character such as a zero-width space, which makes two names look the same. Zero-width joiners stay allowed:
     * emoji and several scripts need them.
     */
    public static boolean isPlainLine(String text) {
        return text.codePoints().noneMatch(c -> Character.isISOControl(c) || isHidden(c));
    }

    /** Whether the text holds anything a reader would see: not only spaces and invisible characters. */
    public static boolean showsSomething(String text) {
        // Marks alone (an accent with no letter under it) show nothing a person could read.
        return text.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c)
                && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.NON_SPACING_MARK
                && Character.getType(c) != Character.ENCLOSING_MARK);
    }

    /** Characters as a reader counts them (an emoji is one, not two). */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * The first character a text shown to customers must not hold — a control character other than a line break or tab
     * (terminal colours, a bell), or an invisible format character (one that reverses the writing direction, say) — as
     * "U+202E at character 7", or null when there is none.
     */
    public static String firstHiddenCharacter(String text) {
        return first(text, c -> isControl(c) || isHidden(c));
    }

    /**
     * The first control character other than a line break or tab (a bell, a terminal escape) as "U+0007 at character 5",
     * or null. A customer's ticket may hold invisible format characters (mail clients add zero-width spaces and soft
     * hyphens), but no control character is something a person wrote.
     */
    public static String firstControlCharacter(String text) {
        return first(text, PlainText::isControl);
    }

    /**
     * What a client sent, fit to quote back in a message: control and invisible format characters shown as their code
     * ("U+202E"), so a direction mark cannot turn the message around, and cut after 40 characters.
     */
    public static String quoted(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format(java.util.Locale.ROOT, "U+%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return length(text) > 40 ? out + "…" : out.toString();
    }

    /** The first character {@link #isPlainLine} refuses, as "U+001B at character 6", or null when there is none. */
    public static String firstNotPlain(String text) {
        return first(text, c -> Character.isISOControl(c) || isHidden(c));
    }

    /**
     * The text without the characters {@link #isPlainLine} refuses: what a refused form shows again in its field, since
     * an escape code echoed into it shows as garbage (or nothing) and would be sent back again as it is; null stays null.
     */
    public static String withoutNotPlain(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Character.isISOControl(c) && !isHidden(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String first(String text, java.util.function.IntPredicate wanted) {
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            position++;
            if (wanted.test(c)) {
                return String.format(java.util.Locale.ROOT, "U+%04X at character %d", c, position);
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static boolean isControl(int c) {
        return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
    }

    private static boolean isHidden(int c) {
        return Character.getType(c) == Character.FORMAT && c != 0x200C && c != 0x200D;
    }
}
