package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ticket files in JSON as tools export them: JSON lines, each problem named by its line, or one array, by its row. */
class TicketJsonTest {

    private static TicketFile.Parsed json(String content) throws Exception {
        return TicketFile.read(new StringReader(content), TicketFile.Format.JSONL);
    }

    @Test
    void oneArrayOfRowsIsReadWithEachProblemNamedByItsRowNumber() throws Exception {
        TicketFile.Parsed array = json("[\n  {\"text\": \"where is my parcel\",\n   \"label\": \"track_order\"},\n"
                + "  {\"text\": \"refund please\", \"label\": \"refund\", \"meta\": {\"channel\": \"email\"}}\n]\n");
        assertEquals(List.of(), array.errors());
        assertEquals(List.of("row 1:where is my parcel|track_order", "row 2:refund please|refund"),
                array.rows().stream().map(r -> r.line() + ":" + r.text() + "|" + r.label()).toList());
        assertEquals(List.of("row 2: 'text' must be a string"), json("[\n{\"text\": \"fine\"},\n{\"text\": 3}]").errors());
        assertEquals(List.of("row 2 (line 2): not valid JSON (the key 'text' appears twice)"),
                json("[{\"text\": \"a\"},\n{\"text\": \"b\", \"text\": \"c\"}]").errors());
        assertEquals(List.of("row 3 (line 3): not valid JSON (the file ends before the array does: it may be cut short, or need its closing ])"),
                json("[{\"text\": \"a\"},\n{\"text\": \"b\"},\n").errors());
        assertEquals(List.of("line 2: not valid JSON (something follows the array that holds the rows)"),
                json("[{\"text\": \"a\"}]\n{\"text\": \"b\"}\n").errors());
        assertEquals(List.of("row 2: expected a JSON object"), json("[{\"text\": \"a\"},\n\"b\"]").errors());
    }

    @Test
    void aTextSentAsNullIsSaidToBeNullNotMissing() throws Exception {
        assertEquals(List.of("line 1: 'text' is null; each ticket needs its text as a string"), json("{\"text\": null}\n").errors());
        assertEquals(List.of("row 1: 'question' is null; each ticket needs its text as a string"),
                json("[{\"question\": null, \"label\": \"refund\"}]").errors());
        assertEquals(List.of("line 1: missing 'text' (or " + TicketColumns.otherNames("text") + ")"), json("{\"label\": \"refund\"}\n").errors());
    }

    @Test
    void aCommaAfterEachLinesObjectIsNamed() throws Exception {
        assertEquals(List.of("line 1: not valid JSON (a comma follows the object: JSON lines have nothing between one line's object"
                + " and the next, remove it)"), json("{\"text\": \"a\"},\n{\"text\": \"b\"}\n").errors());
    }

    @Test
    void anArrayIsRecognisedAsJsonButACsvHeaderInBracketsIsNot() {
        assertEquals(TicketFile.Format.JSONL, TicketFile.guess("export.txt", " [\n {\"text\": \"a\"}]"));
        assertEquals(TicketFile.Format.JSONL, TicketFile.guess(null, "[]"));
        assertEquals(TicketFile.Format.CSV, TicketFile.guess("export.txt", "[Ticket ID],text\n1,hello\n"));
    }
}
