package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A file with both a label and a category column (public data sets have both) imports its label; the summary says the
 * category was left unread because another column was read as the label, rather than listing it unread beside a note
 * that category is a name Loopwise reads.
 */
class ImportSummaryWordsTest {
    @Test
    void aColumnUnderANameLoopwiseReadsIsSaidToHaveBeenPassedOver() {
        String summary = ImportFormats.summary(new TicketImporter.Result(3, 0, 3, 0, 0, List.of(), List.of("category", "tags")));
        assertTrue(summary.contains("Kept with each ticket but not read: category (another column was read as the label), tags ("),
                summary);
        String plain = ImportFormats.summary(new TicketImporter.Result(1, 0, 1, 0, 0, List.of(), List.of("channel")));
        assertTrue(plain.contains("not read: channel (Loopwise reads"), plain);
    }

    /** A repeat within the file was called a ticket "already in the workspace", and the figures in brackets were not grouped. */
    @Test
    void repeatsWithinTheFileAreToldFromStoredTicketsAndFiguresAreGrouped() {
        String summary = ImportFormats.summary(new TicketImporter.Result(15_000, 3, 12_500, 2_500, 0, List.of(), List.of(), 2));
        assertTrue(summary.startsWith("Imported 15,000 tickets (12,500 labelled, 2,500 unlabelled); 1 ticket was already in the"
                + " workspace; 2 rows repeated an earlier row's text and intent, stored once."), summary);
        String onlyRepeats = ImportFormats.summary(new TicketImporter.Result(2, 1, 2, 0, 0, List.of(), List.of(), 1));
        assertTrue(!onlyRepeats.contains("already in the workspace") && onlyRepeats.contains("1 row repeated"), onlyRepeats);
    }
}
