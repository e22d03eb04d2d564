package dev.loopwise.ticket;

import dev.loopwise.common.FileMessages;
import dev.loopwise.common.file.Place;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UTF-8 text that was read as Windows-1252 and saved again ("cafÃ©", "donâ€™t"), as a spreadsheet opening a UTF-8 export
 * leaves it. Stored as sent, the model would learn the garbled words and replies would quote them. Each accented letter
 * becomes a letter from Â to ô followed by one to three of the characters Windows-1252 gives the bytes 0x80 to 0xBF. Genuine
 * text writes such pairs too ("weiß…", "«\u00A0Livré\u00A0»", "KOÇ’un"), so a pair counts only when its bytes are strictly
 * UTF-8 for a character a garbled export holds: a Latin letter, a sign of punctuation, the euro, the trade mark or an emoji,
 * and a capital followed by a space, quote, dash or dots does not count where it ends a word ("IRMÃ…", "KYLLÄ…", "Å Energi").
 * A file where such pairs are common among its rows of non-ASCII text is refused; one row of them among many is taken as a
 * customer's own text.
 */
final class DoubleEncoding {
    private static final String FOLLOWING = "[\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC"
            + "\\u2013\\u2014\\u2018\\u2019\\u201A\\u201C\\u201D\\u201E\\u2020\\u2021\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122]";
    private static final Pattern GARBLED = Pattern.compile("[\\u00C2-\\u00DF]" + FOLLOWING + "|[\\u00E0-\\u00EF]" + FOLLOWING + "{2}"
            + "|[\\u00F0-\\u00F4]" + FOLLOWING + "{3}");
    /** What follows a word: spaces, quotes, dashes and dots. A capital before one ends a word ("IRMÃ…", "”PÅ”", "Å\u00A0Energi"). */
    private static final String AFTER_A_WORD = "\u00A0\u00AB\u00BB\u2013\u2014\u2018\u2019\u201A\u201C\u201D\u201E\u2022\u2026"
            + "\u2039\u203A";
    /**
     * The byte Windows-1252 gives each character it names beyond Latin-1 ("€" 0x80, "™" 0x99): with the rest of 0x80 to
     * 0xFF read as themselves, a pair's bytes are found by hand, cheaply enough that nothing is kept between rows.
     */
    private static final Map<Character, Byte> WINDOWS_1252_BYTES = windows1252Bytes();
    /** Rows named in the message; the rest are counted. */
    private static final int NAMED = 2;

    private final boolean table;
    private final List<Place> garbled = new ArrayList<>();
    private String example;
    private String meant;
    private int nonAscii;

    /** {@code table}: the file is CSV, as a spreadsheet saves it, so the advice names the spreadsheet's way to save. */
    DoubleEncoding(boolean table) {
        this.table = table;
    }

    /** {@code rows}, with each row looked at on its way. */
    Consumer<TicketRow> watching(Consumer<TicketRow> rows) {
        return row -> {
            look(row);
            rows.accept(row);
        };
    }

    private void look(TicketRow row) {
        boolean counted = false;
        for (String value : new String[] {row.text(), row.response()}) {
            if (value == null || value.chars().allMatch(c -> c < 128)) {
                continue;
            }
            if (!counted) {
                nonAscii++;
                counted = true;
            }
            Matcher found = GARBLED.matcher(value);
            // A pair that is not garbled may hide one starting inside it, so the search goes on one character later.
            Matcher next = GARBLED.matcher(value);
            for (int from = 0; from < value.length() && found.find(from); from = found.start() + 1) {
                String pair = found.group();
                String decoded = decoded(pair);
                if (decoded == null) {
                    continue;
                }
                if (counts(value, found.start(), pair, decoded)) {
                    garble(row, pair, decoded);
                    return;
                }
                // Cyrillic, Greek and the like garble into letters beyond Latin; two of them side by side are a garbled word.
                if (Character.isLetter(decoded.codePointAt(0)) && next.find(found.end()) && next.start() == found.end()) {
                    String then = decoded(next.group());
                    if (then != null && Character.isLetter(then.codePointAt(0))) {
                        garble(row, pair + next.group(), decoded + then);
                        return;
                    }
                }
            }
        }
    }

    private void garble(TicketRow row, String example, String meant) {
        garbled.add(row.line());
        if (this.example == null) {
            this.example = example;
            this.meant = meant;
        }
    }

    /**
     * Whether a pair alone counts: it decodes to a character a garbled export holds, and is no capital ending a word. A
     * capital ends a word only where no small letter comes before it ("IRMÃ…", not "BelgiÃ«" or "voilÃ" + no-break space)
     * and no letter after the pair, unless the pair ends in a no-break space ("Å" + no-break space + "Energi").
     */
    private static boolean counts(String value, int at, String pair, String decoded) {
        if (pair.length() == 2 && Character.isUpperCase(pair.charAt(0)) && AFTER_A_WORD.indexOf(pair.charAt(1)) >= 0
                && !(at > 0 && Character.isLowerCase(value.charAt(at - 1)))
                && (pair.charAt(1) == '\u00A0' || at + 2 >= value.length() || !Character.isLetter(value.charAt(at + 2)))) {
            return false;
        }
        int c = decoded.codePointAt(0);
        return (c >= 0xA0 && c <= 0x17F) || (c >= 0x2010 && c <= 0x20AC) || c == 0x2122 || c >= 0x1F000
                || c >= 0x180 && c <= 0x24F && insideSmallLetters(value, at, pair.length());
    }

    /**
     * Romanian's ș and ț and the other letters of Latin Extended-B garble into a capital from Æ to É and a sign ("aÈ™a"
     * for "așa"): one pair alone counts where a small letter is right before it and a letter right after, as no genuine
     * word puts a capital and a sign inside small letters. After a capital or at a word's start it does not ("KOÇ’un",
     * "KOÇ´un"), where a capital before an apostrophe is genuine.
     */
    private static boolean insideSmallLetters(String value, int at, int length) {
        return at > 0 && Character.isLowerCase(value.charAt(at - 1)) && at + length < value.length()
                && Character.isLetter(value.charAt(at + length));
    }

    private static Map<Character, Byte> windows1252Bytes() {
        Map<Character, Byte> bytes = new HashMap<>();
        Charset windows1252 = Charset.forName("windows-1252");
        for (int b = 0x80; b <= 0x9F; b++) {
            char c = new String(new byte[] {(byte) b}, windows1252).charAt(0);
            if (c != '\uFFFD' && c > 0xFF) {
                bytes.put(c, (byte) b);
            }
        }
        return bytes;
    }

    /**
     * The one character {@code pair}'s Windows-1252 bytes are strictly the UTF-8 of, or null. {@link #GARBLED} has already
     * matched a lead byte and as many continuation bytes as it announces; what is left to refuse is what a strict
     * decoder refuses: a character written longer than it needs, a surrogate, or one past U+10FFFF.
     */
    static String decoded(String pair) {
        int[] bytes = new int[pair.length()];
        for (int i = 0; i < pair.length(); i++) {
            char c = pair.charAt(i);
            // Windows-1252 leaves five bytes unnamed; readers that keep them pass them through as U+0081 and the like.
            Byte named = WINDOWS_1252_BYTES.get(c);
            if (named == null && c > 0xFF) {
                return null;
            }
            bytes[i] = named == null ? c : named & 0xFF;
        }
        int lead = bytes[0];
        int second = bytes[1];
        if (lead == 0xE0 && second < 0xA0 || lead == 0xED && second > 0x9F || lead == 0xF0 && second < 0x90
                || lead == 0xF4 && second > 0x8F) {
            return null;
        }
        int codePoint = lead & (pair.length() == 2 ? 0x1F : pair.length() == 3 ? 0x0F : 0x07);
        for (int i = 1; i < bytes.length; i++) {
            codePoint = codePoint << 6 | bytes[i] & 0x3F;
        }
        return new String(Character.toChars(codePoint));
    }

    /** What to tell the sender, or null: garbled in two rows or more, and in at least one of a hundred rows holding non-ASCII text. */
    String problem() {
        if (garbled.size() < 2 || garbled.size() * 100L < nonAscii) {
            return null;
        }
        return FileMessages.doubleEncoded(garbled.subList(0, NAMED).stream().map(Place::toString).toList(),
                garbled.size() - NAMED, example, meant, table);
    }
}
