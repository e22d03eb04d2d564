package dev.loopwise.ticket;

import dev.loopwise.common.FileMessages;
import dev.loopwise.common.file.Place;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Decoded pairs, NONE for those that do not count: files repeat the same few pairs in row after row. */
    private static final Map<String, String> DECODED = new ConcurrentHashMap<>();
    private static final String NONE = "";
    /** Pairs of four characters can be many; past this the rest are decoded each time rather than kept. */
    private static final int KEPT = 10_000;
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
        return (c >= 0xA0 && c <= 0x17F) || (c >= 0x2010 && c <= 0x20AC) || c == 0x2122 || c >= 0x1F000;
    }

    /** The one character {@code pair}'s Windows-1252 bytes are strictly the UTF-8 of, or null. */
    private static String decoded(String pair) {
        String known = DECODED.get(pair);
        if (known == null) {
            known = decodedNow(pair);
            if (DECODED.size() < KEPT) {
                DECODED.put(pair, known == null ? NONE : known);
            }
        }
        return known == null || known.isEmpty() ? null : known;
    }

    private static String decodedNow(String pair) {
        try {
            CharsetEncoder encoder = WINDOWS_1252.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(pair.length());
            for (char c : pair.toCharArray()) {
                // Windows-1252 leaves five bytes unnamed; readers that keep them pass them through as U+0081 and the like.
                if (c >= 0x80 && c <= 0x9F && !encoder.canEncode(c)) {
                    bytes.put((byte) c);
                } else {
                    bytes.put(encoder.encode(CharBuffer.wrap(String.valueOf(c))));
                }
            }
            bytes.flip();
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
            if (text.codePointCount(0, text.length()) != 1) {
                return null;
            }
            return text;
        } catch (CharacterCodingException e) {
            return null;
        }
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
