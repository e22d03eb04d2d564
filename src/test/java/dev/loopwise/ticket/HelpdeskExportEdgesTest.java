package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ticket files as helpdesks and spreadsheets export them, at their edges: look-alike names, repeated columns, garbled text. */
class HelpdeskExportEdgesTest {

    private static TicketFile.Parsed csv(String content) throws Exception {
        return TicketFile.read(new StringReader(content), TicketFile.Format.CSV);
    }

    private static TicketFile.Parsed jsonl(String content) throws Exception {
        return TicketFile.read(new StringReader(content), TicketFile.Format.JSONL);
    }

    private static List<String> shown(TicketFile.Parsed parsed) {
        return parsed.rows().stream().map(r -> r.line().number() + ":" + r.text() + "|" + r.label() + "|" + r.metadata()).toList();
    }

    @Test
    void onlyAsciiLettersFoldSoLookAlikeNamesAreUnknownColumns() throws Exception {
        // A Kelvin sign (U+212A) lower-cases to k in Java's equalsIgnoreCase: "teKst" was read as the text.
        TicketFile.Parsed kelvin = csv("te\u212Ast,label\nhello,x\n");
        assertEquals(1, kelvin.errors().size());
        assertTrue(kelvin.errors().get(0).startsWith("line 1: the header has no 'text' column, nor one of its other names"),
                kelvin.errors().get(0));
        // A dotless i (U+0131) upper-cases to I: "ıntent" was read as the intent; it is kept with the ticket, not read.
        TicketFile.Parsed dotless = csv("text,\u0131ntent\nhello,x\n");
        assertEquals(List.of(), dotless.errors());
        assertEquals(List.of("2:hello|null|{\u0131ntent=x}"), shown(dotless));
        assertEquals(List.of("1:hello|null|{\u0131ntent=x}"), shown(jsonl("{\"text\":\"hello\",\"\u0131ntent\":\"x\"}\n")));
        assertEquals("\u0131ntent", ImportFormats.unread("\u0131ntent"));
        // ASCII in any case and with spaces around it is still read.
        assertEquals(List.of("2:hello|x|{}"), shown(csv("  TEXT ,Intent\nhello,x\n")));
    }

    @Test
    void aColumnNamedTwiceInAnyCaseRefusesTheFileNamingIt() throws Exception {
        assertEquals(List.of("line 1: the column 'order_id' appears more than once in the header (also as 'Order_ID', the same name in"
                + " another case or with spaces around it); keep one and rename or remove the others"),
                csv("text,intent,order_id,Order_ID\nhello,x,1,2\n").errors());
        assertEquals(List.of("line 1: the column 'order_id' appears more than once in the header; keep one and rename or remove the"
                + " others"), csv("text,order_id,order_id\nhello,1,2\n").errors());
        assertTrue(csv("text;Channel; channel \nhello;a;b\n").errors().get(0)
                .startsWith("line 1: the column 'Channel' appears more than once in the header (also as ' channel '"));
        // Both spellings as written, and what a read column is read as.
        assertEquals(List.of("line 1: the column 'Label' appears more than once in the header (also as 'LABEL', the same name in"
                + " another case or with spaces around it; read as the ticket's intent); keep one and rename or remove the others"),
                csv("Label,text,LABEL\nx,hello,y\n").errors());
        // Letters beyond ASCII fold too when spotting a repeat, though they never match a name Loopwise reads.
        assertEquals(List.of("line 1: the column 'Cat\u00e9gorie' appears more than once in the header (also as 'CAT\u00c9GORIE',"
                + " the same name in another case or with spaces around it); keep one and rename or remove the others"),
                csv("text,Cat\u00e9gorie,CAT\u00c9GORIE\nhello,a,b\n").errors());
        // The same name with its accent written as a letter and a combining mark (as macOS names it) is the same name.
        assertEquals(List.of("line 1: the column 'Cat\u00e9gorie' appears more than once in the header (also as 'CATE\u0301GORIE',"
                + " the same name in another case or with spaces around it); keep one and rename or remove the others"),
                csv("text,Cat\u00e9gorie,CATE\u0301GORIE\nhello,a,b\n").errors());
    }

    @Test
    void aJsonRowNamingAKeyTwiceInAnyCaseIsRefusedOnItsLine() throws Exception {
        TicketFile.Parsed parsed = jsonl("{\"text\":\"fine\"}\n{\"text\":\"a\",\"Text\":\"b\"}\n"
                + "{\"text\":\"c\",\"order_id\":1,\"Order_ID\":2}\n");
        assertEquals(List.of("line 2: the key 'text' appears more than once in the row (also as 'Text', the same name in another case"
                + " or with spaces around it; read as the ticket's text); keep one and rename or remove the others",
                "line 3: the key 'order_id' appears more than once in the row (also as 'Order_ID', the same name in another case or"
                + " with spaces around it); keep one and rename or remove the others"), parsed.errors());
    }

    @Test
    void aKeyWhoseValueIsNullDoesNotRepeatAnother() throws Exception {
        // Tables merged with pandas write every column in every row, null where the row had none.
        TicketFile.Parsed merged = jsonl("{\"text\":\"hi\",\"Text\":null}\n{\"text\":null,\"Text\":\"there\"}\n");
        assertEquals(List.of(), merged.errors());
        assertEquals(List.of("1:hi|null|{}", "2:there|null|{}"), shown(merged));
    }

    @Test
    void headerProblemsAfterASeparatorLineNameTheHeadersLine() throws Exception {
        assertEquals(List.of("line 2: the column 'text' appears more than once in the header; keep one and rename or remove the"
                + " others"), csv("sep=;\ntext;text\na;b\n").errors());
        assertTrue(csv("sep=,\n{\"text\":\"a\"}\n").errors().get(0).startsWith("line 2: this looks like JSON lines"));
        List<String> badName = csv("sep=;\ntext;not\u0007e\na;b\n").errors();
        assertTrue(badName.size() == 1 && badName.get(0).startsWith("line 2: "), badName.toString());
        // The separator the line names leaves the header whole: the message says where that separator came from.
        List<String> commas = csv("sep=;\ntext,label\nhello,x\n").errors();
        assertEquals(1, commas.size(), commas.toString());
        assertEquals(List.of("line 2: the header has no 'text' column, nor one of its other names (utterance, utt, sentence, query,"
                + " question, message, ticket, instruction); found: text,label, split by ';' as the sep= line on line 1 says: if the header uses another"
                + " separator, correct that line or remove it"), commas);
        // Empty lines between the separator line and the header count in its number, in any line ends.
        assertTrue(csv("sep=;\n\r\n\rtext;text\na;b\n").errors().get(0).startsWith("line 4: the column 'text' appears"));
        assertTrue(csv("\n\ntext;text\na;b\n").errors().get(0).startsWith("line 3: the column 'text' appears"));
        // Without the line, neither its line number nor its words.
        String noLine = csv("label,intent\nhello,x\n").errors().get(0);
        assertTrue(noLine.startsWith("line 1: the header has no 'text' column") && !noLine.contains("sep="), noLine);
    }

    @Test
    void anExcelSeparatorLineNamesTheSeparatorUsed() throws Exception {
        // Not one of the separators the header is tried with: only the line says it.
        assertEquals(List.of("3:hello, there|x|{}"), shown(csv("sep=|\ntext|label\nhello, there|x\n")));
        assertEquals(List.of("3:hello, there|x|{}"), shown(csv("sep=\t\r\ntext\tlabel\r\nhello, there\tx\r\n")));
        assertEquals(List.of("3:hello, there|x|{}"), shown(csv("sep=\\t\ntext\tlabel\nhello, there\tx\n")));
        // The header alone would be read with commas ("text" and "html;label"); the line says semicolons.
        assertEquals(List.of("3:hi|x|{text,html=<b>hi</b>}"), shown(csv("sep=;\ntext,html;label;text\n<b>hi</b>;x;hi\n")));
        assertEquals(List.of("line 4: 3 fields found, but the header has 2 columns: give each column one field, and put double quotes"
                + " around a value that holds the separator"), csv("sep=;\ntext;label\nhello;x\nhi;y;z\n").errors());

        // As a spreadsheet saves the line again: spaces after it, the separator once for each further column, quoted; and a
        // file of old Mac line ends.
        assertEquals(List.of("3:hello, there|x|{}"), shown(csv("sep=; \ntext;label\nhello, there;x\n")));
        assertEquals(List.of("3:hello, there|x|{}"), shown(csv("sep=;;;\ntext;label\nhello, there;x\n")));
        assertEquals(List.of("3:hello, there|x|{}"), shown(csv("\"sep=;\";\ntext;label\nhello, there;x\n")));
        assertEquals(List.of("3:hello, there|x|{}"), shown(csv("sep=;\rtext;label\rhello, there;x\r")));
    }

    @Test
    void aFileOfUtf8ReadAsWindows1252IsRefusedAndGenuineLettersAreNot() throws Exception {
        TicketFile.Parsed garbled = csv("text\nmy caf\u00c3\u00a9 order is late\nI don\u00e2\u20ac\u2122t have the tracking\n"
                + "where is it\nthe cr\u00c3\u00a8me arrived cold\nthanks \u00f0\u0178\u02dc\u20ac\n");
        assertEquals(List.of("line 2, line 3 and 2 more rows hold text such as '\u00c3\u00a9' where '\u00e9' was written: the file"
                + " was saved from UTF-8 text read as Windows-1252, as a spreadsheet opening a UTF-8 export does, and would be read"
                + " garbled. Export it again as UTF-8 (in Excel: Save As, CSV UTF-8) and use that file"), garbled.errors());
        // JSON lines are not saved by a spreadsheet: no Excel advice; the meaning of an emoji is told too.
        assertEquals(List.of("line 1 and line 2 hold text such as '\u00f0\u0178\u02dc\u20ac' where '\uD83D\uDE00' was written: the"
                + " file was saved from UTF-8 text read as Windows-1252 and would be read garbled. Export it again as UTF-8 and use"
                + " that file"), jsonl("{\"text\":\"hi \u00f0\u0178\u02dc\u20ac\"}\n{\"text\":\"caf\u00c3\u00a9\"}\n").errors());
        // Genuine text, each line twice (two rows of them in two would refuse the file): a capital \u00c3 in Portuguese,
        // French quotes and Word's no-break spaces after accents, \u00df or a capital accent before curly quotes or dots.
        for (String genuine : List.of("S\u00c3O PAULO store", "A\u00e7\u00e3o de cobran\u00e7a", "\u00abcaf\u00e9\u00bb cr\u00e8me",
                "sent to Z\u00fcrich", "Ich wei\u00df\u2026", "\u201eViel Spa\u00df\u201c", "\u00ab\u00a0Livr\u00e9\u00a0\u00bb",
                "\u00ab\u00a0Exp\u00e9di\u00e9\u00a0\u00bb", "\u201cCAF\u00c9\u201d", "CAF\u00c9\u00a0!",
                "d\u00e9j\u00e0\u00a0\u2013 merci", "KO\u00c7\u2019un", "IRM\u00c3\u2026", "AMANH\u00c3\u201d",
                "KYLL\u00c4\u2026", "\u201dHYV\u00c4\u201d", "\u201dP\u00c5\u201d", "P\u00c5\u2026", "\u00c5\u00a0Energi")) {
            assertEquals(List.of(), csv("text\n" + genuine + "\n" + genuine + "\n").errors(), genuine);
        }
    }

    @Test
    void aGarbledPairAfterOneThatDoesNotCountAndInTheResponseAreFound() throws Exception {
        assertEquals(1, csv("text\nKO\u00c7\u2019un caf\u00c3\u00a9\nKO\u00c7\u2019un caf\u00c3\u00a9\n").errors().size());
        assertEquals(1, csv("text,response\nwhere is it,It left th\u00c3\u00a9 store\nand now,Voil\u00c3\u00a9 it\n")
                .errors().size());
        assertEquals(List.of(), csv("text,response\nwhere is it,It left the store\nand now,Here it is\n").errors());
        // A capital before a quote, dots or a no-break space counts inside a word: garbled Dutch, Polish and French.
        for (String garbled : List.of("Belgi\u00c3\u00ab", "p\u00c5\u201aatno\u00c5\u203a\u00c4\u2021", "voil\u00c3\u00a0 tout")) {
            assertEquals(1, csv("text\nsent from " + garbled + "\nsent from " + garbled + "\n").errors().size(), garbled);
        }
        // Cyrillic garbles into pairs decoding to letters beyond Latin: two side by side count; genuine Cyrillic has none.
        String garbledRussian = "\u00d0\u00bf\u00d1\u20ac\u00d0\u00b8\u00d0\u00b2\u00d0\u00b5\u00d1\u201a";
        assertEquals(List.of("line 2 and line 3 hold text such as '\u00d0\u00bf\u00d1\u20ac' where '\u043f\u0440' was written: the"
                + " file was saved from UTF-8 text read as Windows-1252, as a spreadsheet opening a UTF-8 export does, and would be"
                + " read garbled. Export it again as UTF-8 (in Excel: Save As, CSV UTF-8) and use that file"),
                csv("text\n" + garbledRussian + "\n" + garbledRussian + "\n").errors());
        assertEquals(List.of(), csv("text\n\u043f\u0440\u0438\u0432\u0435\u0442\n\u043f\u0440\u0438\u0432\u0435\u0442\n").errors());
    }

    @Test
    void garbledRowsAreCountedAmongTheRowsHoldingNonAsciiText() throws Exception {
        // Five garbled rows in an English export of a thousand: one row in two hundred, but every row with an accent.
        StringBuilder english = new StringBuilder("text\n");
        for (int i = 0; i < 1000; i++) {
            english.append(i % 200 == 0 ? "my caf\u00c3\u00a9 order " : "where is order ").append(i).append('\n');
        }
        assertEquals(1, csv(english.toString()).errors().size());
        // Two garbled rows: refused among 199 rows of accents (one in a hundred), taken among 201 (fewer).
        assertEquals(1, csv(accented(197)).errors().size());
        assertEquals(List.of(), csv(accented(199)).errors());
    }

    /** Two garbled rows, then {@code genuine} rows of accented text and some of plain ASCII. */
    private static String accented(int genuine) {
        StringBuilder file = new StringBuilder("text\nmy caf\u00c3\u00a9 order\nthe cr\u00c3\u00a8me\n");
        for (int i = 0; i < genuine; i++) {
            file.append("cr\u00e8me br\u00fbl\u00e9e ").append(i).append("\nplain ").append(i).append('\n');
        }
        return file.toString();
    }
}
