package dev.loopwise.common.text;

import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Rules for short text a person types once and others read everywhere (names, titles, descriptions), and for
 * telling text that shows nothing from text that says something.
 */
public final class PlainText {
    private PlainText() {
    }

    /** Whether half of a surrogate pair stands alone: no character, and what UTF-8 cannot carry. */
    public static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
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
     * The first character a text shown to customers must not hold — a control character as {@link #firstControlCharacter}
     * finds them, or an invisible format character (a zero-width space, a soft hyphen) — as "U+200B at character 7", or
     * null when there is none. The left-to-right and right-to-left marks stay allowed: Arabic and Hebrew writers use them.
     */
    public static String firstHiddenCharacter(String text) {
        return first(text, c -> isControl(c) || isHidden(c) && !isDirectionMark(c));
    }

    /**
     * The first control character in free text, or null: one other than a line break or tab (a bell, a terminal escape),
     * or a bidirectional embedding, override or isolate ({@link #isDirectionControl}), as "U+0007 at character 5" or
     * "U+202E at character 3, a right-to-left override". A customer's ticket may hold invisible format characters (mail
     * clients add zero-width spaces and soft hyphens) and direction marks, but none of these is something a person wrote
     * for a reader.
     */
    public static String firstControlCharacter(String text) {
        return first(text, PlainText::isControl);
    }

    /**
     * The first bidirectional embedding, override or isolate, or null. Every text a request carries is refused with one
     * ({@link dev.loopwise.common.json.JsonStrictness}, {@link dev.loopwise.common.http.FormFields}): it makes the characters after it display in another order than they
     * are stored (the "Trojan source" trick: U+202E then "gnp.exe" reads as "exe.png"), so the next reader of a comment or a
     * rewrite would see another text than the one saved. People writing right to left never need one: the browser
     * lays out Arabic and Hebrew by itself, and the marks they sometimes add (U+200E, U+200F, U+061C) stay allowed.
     */
    public static String firstDirectionControl(String text) {
        return first(text, PlainText::isDirectionControl);
    }

    /** U+202A–U+202E (embeddings, overrides, their end) and U+2066–U+2069 (isolates, their end). */
    public static boolean isDirectionControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    /**
     * What a client sent, fit to quote back in a message: control and invisible format characters shown as their code
     * ("U+202E"), so a direction mark cannot turn the message around, and cut after 40 characters.
     */
    public static String quoted(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format(Locale.ROOT, "U+%04X", c));
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

    private static String first(String text, IntPredicate wanted) {
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            position++;
            if (wanted.test(c)) {
                String at = String.format(Locale.ROOT, "U+%04X at character %d", c, position);
                return isDirectionControl(c) ? at + ", " + DIRECTION_CONTROLS[c >= 0x2066 ? c - 0x2066 + 5 : c - 0x202A] : at;
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /** Named, since their codes say nothing to most readers: U+202A–U+202E, then U+2066–U+2069. */
    private static final String[] DIRECTION_CONTROLS = {"a left-to-right embedding", "a right-to-left embedding",
        "an end of a direction embedding", "a left-to-right override", "a right-to-left override", "a left-to-right isolate",
        "a right-to-left isolate", "a first-strong isolate", "an end of a direction isolate"};

    private static boolean isControl(int c) {
        return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' || isDirectionControl(c);
    }

    /** U+200E and U+200F, and the Arabic letter mark U+061C: invisible, but they only settle how neutral characters show. */
    private static boolean isDirectionMark(int c) {
        return c == 0x200E || c == 0x200F || c == 0x061C;
    }

    private static boolean isHidden(int c) {
        return Character.getType(c) == Character.FORMAT && c != 0x200C && c != 0x200D;
    }
}
