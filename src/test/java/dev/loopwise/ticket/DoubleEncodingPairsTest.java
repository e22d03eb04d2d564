package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Garbled pairs are decoded by hand, as the JDK's strict coders would, and one garbled Romanian letter inside a word is
 * enough for its row, while a capital before an apostrophe or a sign stays genuine text.
 */
class DoubleEncodingPairsTest {
    private static final String NAMED_BEYOND_LATIN_1 = "\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014"
            + "\u2018\u2019\u201A\u201C\u201D\u201E\u2020\u2021\u2022\u2026\u2030\u2039\u203A\u20AC\u2122";

    @Test
    void everyPairDecodesAsTheStrictCodersDo() {
        StringBuilder following = new StringBuilder(NAMED_BEYOND_LATIN_1);
        for (char c = 0x80; c <= 0xBF; c++) {
            following.append(c);
        }
        String f = following.toString();
        int decoded = 0;
        for (char lead = 0xC2; lead <= 0xF4; lead++) {
            int more = lead <= 0xDF ? 1 : lead <= 0xEF ? 2 : 3;
            for (int i = 0; i < f.length(); i++) {
                for (int j = 0; j < (more > 1 ? f.length() : 1); j++) {
                    // the checks a four-byte character needs look at its second byte only: two last bytes stand for all
                    for (String last : more > 2 ? List.of("\u0080", "\u20AC", "\u00BF") : List.of("")) {
                        String pair = "" + lead + f.charAt(i) + (more > 1 ? String.valueOf(f.charAt(j)) : "") + last;
                        String expected = strictly(pair);
                        assertEquals(expected, DoubleEncoding.decoded(pair), pair);
                        decoded += expected == null ? 0 : 1;
                    }
                }
            }
        }
        assertEquals(true, decoded > 100_000, "most pairs are some character's UTF-8");
    }

    @Test
    void oneGarbledLetterInsideSmallLettersCountsAndACapitalBeforeASignDoesNot() throws Exception {
        for (String garbled : List.of("a\u00c8\u2122a", "a\u00c8\u203aa", "pu\u00c8\u203ain")) {
            assertEquals(1, csv("text\nsent " + garbled + "\nsent " + garbled + "\n").errors().size(), garbled);
        }
        for (String genuine : List.of("KO\u00c7\u2019un", "KO\u00c7\u00b4un", "\u00c8\u00b4 vero", "a\u0219a \u021bar\u0103",
                "\u00c7\u2019est", "CAF\u00c9\u2026")) {
            assertEquals(List.of(), csv("text\n" + genuine + "\n" + genuine + "\n").errors(), genuine);
        }
    }

    private static TicketFile.Parsed csv(String content) throws Exception {
        return TicketFile.read(new StringReader(content), TicketFile.Format.CSV);
    }

    private static String strictly(String pair) {
        try {
            CharsetEncoder encoder = Charset.forName("windows-1252").newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(pair.length());
            for (char c : pair.toCharArray()) {
                if (c >= 0x80 && c <= 0x9F && !encoder.canEncode(c)) {
                    bytes.put((byte) c);
                } else {
                    bytes.put(encoder.encode(CharBuffer.wrap(String.valueOf(c))));
                }
            }
            bytes.flip();
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
            return text.codePointCount(0, text.length()) == 1 ? text : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
