package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV as spreadsheets and helpdesks save it in other locales and with their habits, read for what it holds. */
class CsvSeparatorTest {

    private static TicketFile.Parsed csv(String content) throws Exception {
        return TicketFile.read(new StringReader(content), TicketFile.Format.CSV);
    }

    private static List<String> shown(TicketFile.Parsed parsed) {
        return parsed.rows().stream().map(r -> r.line().number() + ":" + r.text() + "|" + r.label() + "|" + r.metadata()).toList();
    }

    @Test
    void semicolonsAndTabsSeparateColumnsWhenTheHeaderSaysSo() throws Exception {
        // Excel in a European locale: semicolons, commas inside the text, Windows line ends, a quoted field with a line break.
        TicketFile.Parsed excel = csv("Text;Label;Channel\r\nwhere is my parcel, please;track_order;email\r\n"
                + "\"two\r\nlines; \"\"quoted\"\"\";refund;chat\r\n");
        assertEquals(List.of(), excel.errors());
        assertEquals(List.of("2:where is my parcel, please|track_order|{Channel=email}",
                "3:two\r\nlines; \"quoted\"|refund|{Channel=chat}"), shown(excel));
        TicketFile.Parsed tabs = csv("text\tlabel\nwhere is my parcel, please\ttrack_order\n");
        assertEquals(List.of("2:where is my parcel, please|track_order|{}"), shown(tabs));
        // Commas come first: a comma file whose text holds semicolons reads as it did.
        assertEquals(List.of("2:a; b|x|{}"), shown(csv("text,label\na; b,x\n")));
        // No separator gives a text column: the columns found are listed as the most likely separator splits them.
        assertEquals(List.of("line 1: the header has no 'text' column, nor one of its other names (utterance, utt, sentence, query,"
                + " question, message, ticket, instruction); found: body, label"), csv("body;label\nhello;x\n").errors());
        // A name with a direction mark is refused by name, the mark shown as a code, so it cannot turn the message around.
        assertEquals(List.of("line 1: the column name 'U+202Etxet' holds a control character (U+202E at character 1, a right-to-left"
                + " override): rename the column to plain text"), csv("\u202etxet,label\nhello,x\n").errors());
        // A column without a name is said to be one: the list read "found: , label".
        assertEquals(List.of("line 1: the header has no 'text' column, nor one of its other names (utterance, utt, sentence, query,"
                + " question, message, ticket, instruction); found: (a column without a name), label"), csv(",label\nhello,x\n").errors());
    }

    @Test
    void excelsSeparatorLineBeforeTheHeaderIsNoHeaderAndLinesKeepTheirNumbers() throws Exception {
        // "sep=;" tells Excel which separator the file uses; some exports write it first.
        TicketFile.Parsed hinted = csv("sep=;\r\ntext;label\r\nwhere is my parcel, please;track_order\r\n");
        assertEquals(List.of(), hinted.errors());
        assertEquals(List.of("3:where is my parcel, please|track_order|{}"), shown(hinted));
        assertEquals(List.of("3:hello|x|{}"), shown(csv("SEP=,\ntext,label\nhello,x\n")));
        assertEquals(List.of("line 4: 3 fields found, but the header has 2 columns:"
                + " give each column one field, and put double quotes around a value that holds the separator"), csv("sep=,\ntext,label\nhello,x\nhi,y,z\n").errors());
        // A file of the separator line alone, its line break left off, has no header either: it is empty, not one headed "sep=".
        assertEquals(List.of("the file is empty: it needs a header line (text, and label, response or split if it has them) and then"
                + " one ticket a line"), csv("sep=;").errors());
    }

    @Test
    void emptyColumnsWithoutANameAndATrailingSeparatorAreReadPast() throws Exception {
        TicketFile.Parsed trailing = csv("text,label,\nwhere is my parcel,track_order,\nrefund me,refund\nhello,,,\n");
        assertEquals(List.of(), trailing.errors());
        assertEquals(List.of("2:where is my parcel|track_order|{}", "3:refund me|refund|{}", "4:hello|null|{}"), shown(trailing));
        assertEquals(List.of("line 2: field 2 holds 'surprise', but its column has no name in the header: name the column on line 1,"
                + " or remove the value"), csv("text,,label\nhi,surprise,x\n").errors());
        assertEquals(List.of("line 2: 3 fields found, but the header has 2 columns:"
                + " give each column one field, and put double quotes around a value that holds the separator"), csv("text,label\nhi,x,more\n").errors());
        assertEquals(List.of("line 2: 2 fields found, but the header has 3 columns:"
                + " give each column one field, and put double quotes around a value that holds the separator"), csv("text,label,split\nhi,x\n").errors());
    }

    @Test
    void anEmptyFileIsCalledEmpty() throws Exception {
        assertEquals(List.of("the file is empty: it needs a header line (text, and label, response or split if it has them) and then"
                + " one ticket a line"), csv("\r\n \n").errors());
    }
}
