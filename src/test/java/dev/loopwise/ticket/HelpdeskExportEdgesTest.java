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
        // A read column is named as Loopwise reads it.
        assertTrue(csv("Label,text,LABEL\nx,hello,y\n").errors().get(0)
                .startsWith("line 1: the column 'label' appears more than once in the header (also as 'LABEL'"));
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
    }

    @Test
    void aFileOfUtf8ReadAsWindows1252IsRefusedAndGenuineLettersAreNot() throws Exception {
        TicketFile.Parsed garbled = csv("text\nmy cafÃ© order is late\nI donâ€™t have the tracking\nwhere is it\n"
                + "the crÃ¨me arrived cold\n");
        assertEquals(List.of("line 2, line 3 and 1 more row hold text such as 'Ã©' where 'é' was written: the file was saved from"
                + " UTF-8 text read as Windows-1252, as a spreadsheet opening a UTF-8 export does, and would be stored garbled. Export"
                + " it again as UTF-8 (in Excel: Save As, CSV UTF-8) and send that file; nothing was imported"), garbled.errors());
        assertEquals(1, jsonl("{\"text\":\"cafÃ©\"}\n{\"text\":\"donâ€™t\"}\n").errors().size());
        // Genuine text: a capital Ã in a Portuguese word, French quotes after an accent, and one garbled row among many.
        StringBuilder many = new StringBuilder("text\nSÃO PAULO store\nAção de cobrança\n«café» crème brûlée\nsent to Zürich\n"
                + "my cafÃ© order\n");
        for (int i = 0; i < 120; i++) {
            many.append("ticket ").append(i).append('\n');
        }
        assertEquals(List.of(), csv(many.toString()).errors());
    }
}
