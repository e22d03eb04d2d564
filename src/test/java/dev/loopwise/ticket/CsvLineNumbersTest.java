package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A CSV row is named by the line of the file it starts on, as an editor numbers it. */
class CsvLineNumbersTest {
    private static List<Integer> lines(String csv) throws Exception {
        return TicketFile.read(new StringReader(csv), TicketFile.Format.CSV).rows().stream().map(r -> r.line().number()).toList();
    }

    @Test
    void blankLinesAndMultiLineFieldsCountAsTheLinesTheyAre() throws Exception {
        assertEquals(List.of(2, 4), lines("text\nfirst ticket zzz3\n\n\"\"\n"));
        assertEquals(List.of(2, 6), lines("text,label\n\"two\nlines\",a\n\n\r\nafter,b\n"));
        assertEquals(List.of(3, 5, 9), lines("text\n\nfirst\n\n\"three\r\nlines\rhere\"\n\nlast\n"));
        assertEquals(List.of(2, 3), lines("text\r\none\r\ntwo"));
    }

    @Test
    void aLineOfSpacesAndTabsIsSkippedLikeABlankLine() throws Exception {
        assertEquals(List.of(2, 4), lines("text\nfirst\n  \t\nsecond\n"));
        assertEquals(List.of(3, 8), lines("text,label\n \n\"two\nlines\",a\n\t\n\r\n   \nafter,b\n\t  "));
        TicketFile.Parsed parsed = TicketFile.read(new StringReader("text,label\none,a\n \t \n\nshort\n"), TicketFile.Format.CSV);
        assertEquals(List.of("line 5: 1 field found, but the header has 2 columns:"
                + " give each column one field, and put double quotes around a value that holds the separator"), parsed.errors());
        assertEquals(List.of(2, 3), lines("text\n\"  \"\n  \"quoted\"\n"), "quoted spaces are a field someone wrote");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsNamedByItsOwnLine() throws Exception {
        TicketFile.Parsed parsed = TicketFile.read(new StringReader("text,label\n\"a\nb\",x\n\n\nshort\n"), TicketFile.Format.CSV);
        assertEquals(List.of("line 6: 1 field found, but the header has 2 columns:"
                + " give each column one field, and put double quotes around a value that holds the separator"), parsed.errors());
    }

    @Test
    void aQuotingProblemInAFileOfLoneCarriageReturnsIsNamedByItsOwnColumn() throws Exception {
        // Old Mac exports end lines with \r alone: the column counts from the last one, not from the file's start.
        TicketFile.Parsed parsed = TicketFile.read(new StringReader("text,label\rone,a\r\"two\rlines\",b\r\"bad\" q,c\r"),
                TicketFile.Format.CSV);
        assertEquals(1, parsed.errors().size(), parsed.errors().toString());
        assertTrue(parsed.errors().get(0).startsWith("line 5, column 7: text follows a closing quote"), parsed.errors().get(0));
    }
}
