package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.file.Place;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Files of public data sets and helpdesk exports are read under the names they give their columns. */
class TicketColumnsTest {
    private static TicketFile.Parsed read(String content, TicketFile.Format format) throws Exception {
        return TicketFile.read(new StringReader(content), format);
    }

    @Test
    void otherNamesForTheTextAndTheIntentAreRead() throws Exception {
        TicketFile.Parsed banking = read("text,category\nmy card has not arrived,card_arrival\n", TicketFile.Format.CSV);
        assertEquals("card_arrival", banking.rows().get(0).label());
        TicketFile.Parsed massive = read("{\"utt\":\"wake me up at nine\",\"intent\":\"alarm_set\",\"partition\":\"dev\",\"locale\":\"en-US\"}\n",
                TicketFile.Format.JSONL);
        TicketRow row = massive.rows().get(0);
        assertEquals(List.of("wake me up at nine", "alarm_set", "dev"), List.of(row.text(), row.label(), row.split()));
        assertEquals(Map.of("locale", "en-US"), row.metadata(), "what is not read stays with the ticket, the read columns do not");
        // A data set export with the intent's number in 'label' and its name in 'label_text': the name.
        TicketFile.Parsed exported = read("{\"text\":\"is my transfer done\",\"label\":12,\"label_text\":\"transfer_status\"}\n"
                + "{\"text\":\"numbers only\",\"label\":3}\n", TicketFile.Format.JSONL);
        assertEquals(List.of(), exported.errors());
        assertEquals("transfer_status", exported.rows().get(0).label());
        assertEquals(Map.of("label", "12"), exported.rows().get(0).metadata());
        assertEquals("3", exported.rows().get(1).label(), "a numbered intent is a name like any other");
        assertEquals(Set.of(Place.line(2)), exported.numberedLabels(), "the ticket import asks for names: it is told which were numbers");
    }

    @Test
    void theOwnNameComesFirstAndAMissingTextNamesTheAlternatives() throws Exception {
        // Bitext's export has 'label' and a broader 'category': the label is the intent.
        TicketFile.Parsed bitext = read("text,label,category\ncancel order 1,cancel_order,ORDER\n", TicketFile.Format.CSV);
        assertEquals("cancel_order", bitext.rows().get(0).label());
        assertEquals(Map.of("category", "ORDER"), bitext.rows().get(0).metadata());
        TicketFile.Parsed none = read("words,intent\nhello,greet\n", TicketFile.Format.CSV);
        assertTrue(none.errors().get(0).contains("no 'text' column, nor one of its other names (utterance, utt, sentence"),
                none.errors().toString());
        TicketFile.Parsed typed = read("{\"utterance\": 12}\n", TicketFile.Format.JSONL);
        assertTrue(typed.errors().get(0).contains("'utterance' must be a string"), typed.errors().toString());
    }
}
