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

    @Test
    void clinc150sObjectOfPartsIsReadWithEachPartAsTheSplitOfItsRows() throws Exception {
        TicketFile.Parsed clinc = json("{\"oos_val\": [[\"tell me a joke\", \"oos\"]],\n \"val\": [[\"what is my balance\", \"balance\"]],"
                + " \"train\": [[\"how much money do I have\", \"balance\"], [\"pay my bill\", \"pay_bill\"]],"
                + " \"test\": [[\"pay the power bill\", \"pay_bill\"]], \"oos_train\": [[\"who won the game\", \"oos\"]]}");
        assertEquals(List.of(), clinc.errors());
        assertEquals(List.of("row 1 of 'oos_val':tell me a joke|oos|val", "row 1 of 'val':what is my balance|balance|val",
                        "row 1 of 'train':how much money do I have|balance|train", "row 2 of 'train':pay my bill|pay_bill|train",
                        "row 1 of 'test':pay the power bill|pay_bill|test", "row 1 of 'oos_train':who won the game|oos|train"),
                clinc.rows().stream().map(r -> r.line() + ":" + r.text() + "|" + r.label() + "|" + r.split()).toList());
        // Laid out over lines, as a data set saved with indentation is.
        assertEquals(2, json("{\n  \"train\": [\n    [\n      \"pay my bill\",\n      \"pay_bill\"\n    ],\n"
                + "    [\"hi\", 4]\n  ]\n}\n").rows().size());
        assertEquals(List.of("row 2 of 'train': expected a pair [text, intent] of two strings, not [\"only the text\"]"),
                json("{\"train\": [[\"pay my bill\", \"pay_bill\"], [\"only the text\"]]}").errors());
        assertEquals(List.of("'test': expected a list of [text, intent] pairs, as in {\"train\": [[\"how do I pay my bill\", \"pay_bill\"], ...]}"),
                json("{\"train\": [[\"pay my bill\", \"pay_bill\"]], \"test\": \"none\"}").errors());
        // A JSON line is still a ticket, whatever its first key holds.
        assertEquals(List.of("line 1:pay my bill|pay_bill|null"), json("{\"tags\": [\"billing\"], \"text\": \"pay my bill\", \"label\": \"pay_bill\"}\n")
                .rows().stream().map(r -> r.line() + ":" + r.text() + "|" + r.label() + "|" + r.split()).toList());
    }

    @Test
    void aCsvFileSentAsJsonLinesIsToldToBeSentAsCsv() throws Exception {
        String told = "line 1: this looks like CSV (a header line of column names), not JSON lines: send it with the content type"
                + " text/csv, or give the file the ending .csv";
        assertEquals(List.of(told), json("text,label\r\nwhere is my parcel,track_order\r\n").errors());
        assertEquals(List.of(told), json("\ufefftext\tlabel\nwhere is my parcel\ttrack_order\n").errors());
        assertEquals(List.of(told), json("\"text\",\"label\"\n\"where is my parcel\",\"track_order\"\n").errors(), "a quoted header too");
        assertEquals(List.of(), json("{\"text\": \"a, b\", \"label\": \"x\"}\n").errors());
        assertEquals(List.of("line 1: not valid JSON ('hello' is not JSON (text goes in double quotes))"), json("hello\n").errors());
    }
}
