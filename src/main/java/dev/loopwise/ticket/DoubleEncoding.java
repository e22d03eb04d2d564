package dev.loopwise.ticket;

import dev.loopwise.common.FileMessages;
import dev.loopwise.common.file.Place;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UTF-8 text that was read as Windows-1252 and saved again ("cafÃ©", "donâ€™t"), as a spreadsheet opening a UTF-8 export
 * leaves it. Stored as sent, the model would learn the garbled words and replies would quote them. Each accented letter
 * becomes a letter from Â to ô followed by one to three of the characters Windows-1252 gives the bytes 0x80 to 0xBF, a
 * pair genuine text hardly writes ("SÃO" or "Ação" do not match): a file where such pairs are common is refused, one
 * row of them among many is taken as a customer's own text.
 */
final class DoubleEncoding {
    private static final String FOLLOWING = "[\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC"
            + "\\u2013\\u2014\\u2018\\u2019\\u201A\\u201C\\u201D\\u201E\\u2020\\u2021\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122]";
    private static final Pattern GARBLED = Pattern.compile("[\\u00C2-\\u00DF]" + FOLLOWING + "|[\\u00E0-\\u00EF]" + FOLLOWING + "{2}"
            + "|[\\u00F0-\\u00F4]" + FOLLOWING + "{3}");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Rows named in the message; the rest are counted. */
    private static final int NAMED = 2;

    private final List<Place> garbled = new ArrayList<>();
    private String example;
    private int rows;

    /** {@code rows}, with each row looked at on its way. */
    Consumer<TicketRow> watching(Consumer<TicketRow> rows) {
        return row -> {
            look(row);
            rows.accept(row);
        };
    }

    private void look(TicketRow row) {
        rows++;
        for (String value : new String[] {row.text(), row.response()}) {
            Matcher found = value == null ? null : GARBLED.matcher(value);
            if (found != null && found.find()) {
                garbled.add(row.line());
                if (example == null) {
                    example = found.group();
                }
                return;
            }
        }
    }

    /** What to tell the sender, or null: garbled in two rows or more, and in at least one row of a hundred. */
    String problem() {
        if (garbled.size() < 2 || garbled.size() * 100L < rows) {
            return null;
        }
        String meant = new String(example.getBytes(WINDOWS_1252), StandardCharsets.UTF_8);
        return FileMessages.doubleEncoded(garbled.subList(0, NAMED).stream().map(Place::toString).toList(),
                garbled.size() - NAMED, example, meant.contains("\uFFFD") ? null : meant);
    }
}
